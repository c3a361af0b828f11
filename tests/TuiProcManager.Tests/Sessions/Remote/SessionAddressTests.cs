using TuiProcManager.CommandLine;
using TuiProcManager.Sessions.Remote;

namespace TuiProcManager.Tests.Sessions.Remote;

/// <summary>
/// <c>NAME</c>, <c>HOST:NAME</c> and <c>HOST:</c>: split at the last ':' (a session name has none), the host
/// left as ssh takes it; bad input refused while parsing, in one line with exit code 2, before ssh runs.
/// </summary>
public sealed class SessionAddressTests
{
    public static TheoryData<string?, string?, string?> Addresses => new()
    {
        { null, null, null },
        { "lab-a", null, "lab-a" },
        { "lab:lab-a", "lab", "lab-a" },
        { "alice@lab.example.org:3", "alice@lab.example.org", "3" },
        { "lab:", "lab", null },
        { "ssh://alice@lab:2222:x.1", "ssh://alice@lab:2222", "x.1" },
        { "::1:s", "::1", "s" },
        { "[fe80::1%eth0]:", "[fe80::1%eth0]", null },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Parse_SplitsAtTheLastColon(string? text, string? host, string? name)
    {
        SessionAddress address = SessionAddress.Parse(text);

        Assert.Equal((host, name), (address.Host, address.Name));
        Assert.Equal(host is not null, address.IsRemote);
    }

    [Theory]
    [InlineData(":x", "a host is missing before ':' (HOST:NAME)")]
    [InlineData("-oProxyCommand=sh:x", "'-oProxyCommand=sh' is not a host: it starts with '-', which ssh would take for an option")]
    [InlineData("lab host:x", "'lab host' is not a host: it has a space or a control character")]
    [InlineData("lab\nhost:x", "'lab^Jhost' is not a host: it has a space or a control character")]
    [InlineData("lab:a/b/c", "'b/c' is not a session name")]
    [InlineData("lab:.hidden", "'.hidden' is not a session name")]
    [InlineData("/b", "a user is missing before '/' (USER/NAME)")]
    [InlineData("-u/b", "'-u' is not a user's name")]
    [InlineData("al ice/b", "'al ice' is not a user's name")]
    public void TryParse_BadAddress_SaysWhatIsWrong(string text, string expected)
    {
        Assert.False(SessionAddress.TryParse(text, out _, out string? problem));
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alice/3", null, "alice", "3", "alice/3")]
    [InlineData("alice/", null, "alice", null, "alice/")]
    [InlineData("lab:alice/3", "lab", "alice", "3", "alice/3")]
    [InlineData("lab:1000/x", "lab", "1000", "x", "1000/x")]
    public void Parse_UserSlashName_IsAnotherUsersSession(string text, string? host, string owner, string? name, string local)
    {
        SessionAddress address = SessionAddress.Parse(text);

        Assert.Equal((host, owner, name, local), (address.Host, address.Owner, address.Name, address.Local));
        Assert.Equal(text, address.ToString());
    }

    [Fact]
    public void Shown_NamesTheHostWithTheSessionsOwnName()
    {
        Assert.Equal("lab:alice/3", SessionAddress.Parse("lab:alice/").Shown("3"));
        Assert.Equal("lab:3", SessionAddress.Parse("lab:").Shown("3"));
        Assert.Equal("3", SessionAddress.Parse(null).Shown("3"));
    }

    public static TheoryData<string[], string> BadCommandLines => new()
    {
        { ["attach", "-x:1"], "'-x' is not a host" },
        { ["attach", ":1"], "a host is missing before ':'" },
        { ["attach", "lab:a b"], "'a b' is not a session name" },
        { ["ctl", "lab host:1", "ps"], "'lab host' is not a host" },
        { ["ctl", "lab:a/b/c", "ps"], "'b/c' is not a session name" },
        { ["ctl", "--session", "x y:1", "ps"], "'x y' is not a host" },
        { ["events", "lab:.x"], "'.x' is not a session name" },
        { ["ls", "-x"], "unknown option '-x'" },
        { ["ls", ":"], "a host is missing before ':'" },
        { ["ls", "a b"], "'a b' is not a host" },
        { ["ls", "lab", "other"], "Unrecognized command or argument 'other'" },
        { ["--session", "lab:1"], "'lab:1' is not a session name" }, // a new session starts here only
        { ["bridge", "lab:1"], "'lab:1' is not a session name" }, // the bridge is on the session's host
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public async Task CommandLine_BadAddressOrHost_OneLineExitTwo(string[] args, string expected)
    {
        StringWriter stdout = new(), stderr = new();

        int code = await TuiprocCommand.InvokeAsync(args, stdout, stderr);

        string error = stderr.ToString();
        Assert.Equal(2, code);
        Assert.Equal("", stdout.ToString());
        Assert.StartsWith("tuiproc: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(1, error.Count(c => c == '\n'));
    }
}
