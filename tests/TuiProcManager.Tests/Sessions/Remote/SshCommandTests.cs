using TuiProcManager.Sessions.Remote;

namespace TuiProcManager.Tests.Sessions.Remote;

/// <summary>
/// The ssh command line: ssh from the PATH or $TUIPROC_SSH split into words (never by a shell), then -T
/// (no terminal on the far side) -x -a (no forwarding), the host, and tuiproc's words for the remote shell.
/// </summary>
public sealed class SshCommandTests
{
    private static Func<string, string?> Environment(string? tuiprocSsh) =>
        name => name switch
        {
            SshCommand.Variable => tuiprocSsh,
            "HOME" => "/home/alice",
            _ => null,
        };

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void FromEnvironment_Unset_IsSshFromThePath(string? variable)
    {
        SshCommand ssh = SshCommand.FromEnvironment(Environment(variable));

        Assert.Equal("ssh", ssh.FileName);
        Assert.Equal(["-T", "-x", "-a", "lab", "tuiproc", "bridge", "3"], ssh.Arguments("lab", ["bridge", "3"]));
    }

    [Fact]
    public void FromEnvironment_TuiprocSsh_ItsWordsComeFirst_QuotesAndHomeAsForCmd()
    {
        SshCommand ssh = SshCommand.FromEnvironment(Environment("/usr/bin/ssh -F ~/lab.config -o 'ProxyJump=gate with space'"));

        Assert.Equal("/usr/bin/ssh", ssh.FileName);
        Assert.Equal(
            ["-F", "/home/alice/lab.config", "-o", "ProxyJump=gate with space", "-T", "-x", "-a", "alice@lab", "tuiproc", "bridge", "--list"],
            ssh.Arguments("alice@lab", ["bridge", "--list"]));
    }

    [Theory]
    [InlineData("ssh 'open", "unterminated single quote")]
    [InlineData("ssh -o X=$HOME", "shell syntax '$'")]
    public void FromEnvironment_NotACommand_OneLineNamingTheVariable(string variable, string expected)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => SshCommand.FromEnvironment(Environment(variable)));

        Assert.StartsWith($"TUIPROC_SSH='{variable}' cannot be used: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-oProxyCommand=x")]
    [InlineData("")]
    [InlineData("a b")]
    public void Arguments_HostSshWouldMisread_IsRefused(string host) =>
        Assert.Throws<ArgumentException>(() => SshCommand.FromEnvironment(Environment(null)).Arguments(host, ["bridge"]));

    [Theory]
    [InlineData("x;reboot")]
    [InlineData("$(id)")]
    [InlineData("a b")]
    public void Arguments_RemoteWordTheRemoteShellWouldInterpret_IsRefused(string word) =>
        Assert.Throws<ArgumentException>(() => SshCommand.FromEnvironment(Environment(null)).Arguments("lab", ["bridge", word]));
}
