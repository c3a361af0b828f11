using TuiProcManager.Sessions.Remote;

namespace TuiProcManager.Tests.Sessions.Remote;

/// <summary>An ssh that failed is one line, from its exit code and its last line on stderr, made safe for a terminal.</summary>
public sealed class SshFailureTests
{
    [Theory]
    [InlineData(255, "ssh: Could not resolve hostname lab: Name or service not known", "cannot reach lab through ssh: ssh: Could not resolve hostname lab: Name or service not known")]
    [InlineData(255, "root@127.0.0.1: Permission denied (publickey).", "cannot reach lab through ssh: root@127.0.0.1: Permission denied (publickey)")]
    [InlineData(127, "bash: line 1: tuiproc: command not found", "cannot reach lab through ssh: bash: line 1: tuiproc: command not found (tuiproc must be on the PATH that lab's shell gives commands run by ssh)")]
    [InlineData(3, "tuiproc: no session named x (sessions: 1, 2)", "on lab: no session named x (sessions: 1, 2)")]
    [InlineData(2, "tuiproc: Unrecognized command or argument 'bridge' (see 'tuiproc --help')", "the tuiproc on lab does not know 'tuiproc bridge' (Unrecognized command or argument 'bridge' (see 'tuiproc --help')): use the same tuiproc version on both sides")]
    [InlineData(0, null, "cannot reach lab through ssh: 'tuiproc bridge' ended there without answering")]
    [InlineData(255, null, "cannot reach lab through ssh: ssh ended with exit code 255")]
    [InlineData(255, "\u001b]0;pwned\u0007evil", "cannot reach lab through ssh: ^[]0;pwned^Gevil")]
    public void WhileConnecting_OneLineByExitCode(int code, string? lastLine, string expected) =>
        Assert.Equal(expected, SshFailure.WhileConnecting("lab", code, lastLine));

    [Fact]
    public void AfterConnecting_SaysTheLinkDropped()
    {
        Assert.Equal(
            "the ssh link to lab dropped: Connection to 127.0.0.1 closed by remote host",
            SshFailure.AfterConnecting("lab", 255, "Connection to 127.0.0.1 closed by remote host."));
    }

    [Fact]
    public void WhileConnecting_LongLine_IsCut()
    {
        string line = SshFailure.WhileConnecting("lab", 255, new string('x', 10_000));

        Assert.True(line.Length < 400, line);
        Assert.EndsWith("...", line, StringComparison.Ordinal);
    }
}
