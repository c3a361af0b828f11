using System.Text.Json;
using System.Text.RegularExpressions;
using TuiProcManager.Testing;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// Sessions on another host through a real ssh and a real sshd (<see cref="SshServer"/>: this host on
/// 127.0.0.1, reached as an ssh alias): <c>ctl HOST:NAME</c>, <c>ls HOST</c> and <c>attach HOST:NAME</c>
/// speak the protocol through <c>ssh HOST tuiproc bridge</c>; a host that cannot be reached is one line,
/// exit 3; the ssh child ends with its client however the client ends, and a dropped link is said by the UI.
/// </summary>
public sealed class SshSessionTests
{
    private static readonly string[] Slow = ["--steps", "1000", "--wait-ms", "100"];

    [Fact]
    public async Task CtlAndLs_ThroughSsh_ReachTheSessionThere()
    {
        (TmuxApp app, SshServer ssh) = StartWithSsh(["--session", "far", .. Slow, "square:3"]);
        using TmuxApp ownApp = app;
        using SshServer ownSsh = ssh;
        int worker = app.PidOf("square 3");
        using ClientHere client = new(ssh.SshCommand);

        (int code, string ps, string said) = await client.RunAsync("ctl", $"{SshServer.Host}:far", "ps", "--json");
        Assert.True(code == 0, $"exit {code}: {said}");
        JsonElement row = JsonDocument.Parse(ps.Trim()).RootElement;
        Assert.Equal((1, worker, "square 3"), (row.GetProperty("worker").GetInt32(), row.GetProperty("pid").GetInt32(), row.GetProperty("name").GetString()));

        (code, string listed, said) = await client.RunAsync("ls", SshServer.Host);
        Assert.True(code == 0, $"exit {code}: {said}");
        Assert.Matches(@"^NAME +WORKERS +CLIENTS +AGE +LAB +ENDS\nfar +1 alive of 1 +1 +\d+s +- +when detached: after 2h\n$", listed);
        (_, string json, _) = await client.RunAsync("ls", SshServer.Host + ":", "--json");
        Assert.Equal("far", JsonDocument.Parse(json.Trim()).RootElement.GetProperty("name").GetString());

        (code, string spawned, _) = await client.RunAsync(["ctl", SshServer.Host + ":", "spawn", .. Slow, "cube:4"]); // HOST: the only session there
        Assert.Equal((0, "worker 2: cube 4"), (code, spawned.Trim()));
        app.PidOf("cube 4");

        (code, _, said) = await client.RunAsync("ctl", $"{SshServer.Host}:nope", "ps");
        Assert.Equal((3, $"tuiproc: on {SshServer.Host}: no session named nope (sessions: far)\n"), (code, said));
    }

    [Fact]
    public async Task HostThatCannotBeReached_OneLineExitThree()
    {
        using ClientHere client = new();
        using SshServer ssh = SshServer.Start(client.RuntimeDir); // no session there
        client.SshCommand = ssh.SshCommand;

        (int code, string stdout, string said) = await client.RunAsync("ctl", "no-such-host.invalid:1", "ps");
        Assert.Equal((3, ""), (code, stdout));
        Assert.Matches(@"^tuiproc: cannot reach no-such-host\.invalid through ssh: ssh: Could not resolve hostname no-such-host\.invalid: [^\n]+\n$", said);

        (code, stdout, said) = await client.RunAsync("ls", SshServer.UnauthorizedHost);
        Assert.Equal((3, ""), (code, stdout));
        Assert.Matches($@"^tuiproc: cannot reach {SshServer.UnauthorizedHost} through ssh: [^\n]*Permission denied \(publickey\)\n$", said);

        (code, stdout, said) = await client.RunAsync("events", $"{SshServer.Host}:");
        Assert.Equal((3, "", $"tuiproc: on {SshServer.Host}: no session is running (tuiproc starts one; tuiproc ls lists them)\n"), (code, stdout, said));
    }

    [Fact]
    public async Task Attach_ThroughSsh_ShowsTheWorkers_DetachesAndKilledLeavesNoSshNorBridge()
    {
        (TmuxApp app, SshServer ssh) = StartWithSsh(["--session", "far", .. Slow, "square:3"], width: 120);
        using TmuxApp ownApp = app;
        using SshServer ownSsh = ssh;
        int worker = app.PidOf("square 3");
        app.Keys("d");
        Assert.Equal(0, app.WaitForExit());

        string address = $"{SshServer.Host}:far";
        app.StartAnother(["attach", address], waitFor: $"tuiproc {address}");
        Assert.Equal(worker, app.PidOf("square 3"));
        (int sshPid, int bridge) = LinkOf(app, ssh);
        app.Keys("d");
        Assert.Equal(0, app.WaitForExit());
        await Tuiproc.UntilAsync(() => app.Transcript().Contains($"detached from session {address} (1 worker alive); tuiproc attach {address} brings it back", StringComparison.Ordinal), "the detach line naming the host");
        await Tuiproc.UntilAsync(() => !Tuiproc.IsAlive(sshPid) && !Tuiproc.IsAlive(bridge), "ssh and the bridge gone after the detach");

        app.StartAnother(["attach", address], waitFor: $"tuiproc {address}");
        (sshPid, bridge) = LinkOf(app, ssh);
        Tuiproc.Signal(app.Pid, 9); // no cleanup of ours runs: ssh sees its stdin end

        await Tuiproc.UntilAsync(() => !Tuiproc.IsAlive(sshPid) && !Tuiproc.IsAlive(bridge), "ssh and the bridge gone after SIGKILL of the client");
        Assert.True(Tuiproc.IsAlive(worker), "the session's worker runs on");
    }

    [Fact]
    public async Task Attach_ThroughSsh_TheLinkDrops_TheUiSaysSoInOneLine()
    {
        (TmuxApp app, SshServer ssh) = StartWithSsh(["--session", "far", .. Slow, "square:3"], width: 160);
        using TmuxApp ownApp = app;
        using SshServer ownSsh = ssh;
        int worker = app.PidOf("square 3");
        app.Keys("d");
        Assert.Equal(0, app.WaitForExit());
        app.StartAnother(["attach", $"{SshServer.Host}:far"], waitFor: $"tuiproc {SshServer.Host}:far");
        (int sshPid, _) = LinkOf(app, ssh);

        foreach (int pid in ssh.ConnectionProcesses())
        {
            _ = Tuiproc.TryKill(pid); // the other end of the connection gone, as when the host goes down
        }

        app.WaitUntil(
            s => Regex.Replace(s, @"\s+", " ").Contains($"session {SshServer.Host}:far: the ssh link to {SshServer.Host} dropped: Connection to 127.0.0.1 closed by remote host; the panels no longer change (q quits)", StringComparison.Ordinal),
            "the header saying the link dropped");
        Assert.False(Tuiproc.IsAlive(sshPid));
        Assert.True(Tuiproc.IsAlive(worker), "the session's worker runs on");
    }

    /// <summary>
    /// The UI in tmux with a session (the host the test reaches through ssh), and the sshd that reaches it:
    /// sshd needs the session directory, which the app gets only as it starts, and every terminal of the app
    /// (the attach through ssh) needs sshd's client configuration in its environment, which is set at start:
    /// sshd is started, and the variable set, by the app's preparation, in between.
    /// </summary>
    private static (TmuxApp App, SshServer Ssh) StartWithSsh(string[] args, int width = 100)
    {
        Dictionary<string, string> environment = [];
        SshServer? ssh = null;
        try
        {
            TmuxApp app = TmuxApp.Start(args, width, height: 35, environment, prepare: home =>
            {
                ssh = SshServer.Start(Path.Combine(home, "run"));
                environment["TUIPROC_SSH"] = ssh.SshCommand;
            });
            return (app, ssh!);
        }
        catch
        {
            ssh?.Dispose();
            throw;
        }
    }

    /// <summary>The attached client's ssh child, and the bridge that sshd runs for it.</summary>
    private static (int Ssh, int Bridge) LinkOf(TmuxApp app, SshServer ssh)
    {
        int[] children = [.. ProcessTools.Children(app.Pid).Where(pid => CommandLine(pid).StartsWith("ssh ", StringComparison.Ordinal))];
        int[] bridges = [.. ssh.ConnectionProcesses().Where(pid => Regex.IsMatch(CommandLine(pid), @"(^|\s)\S*(/tuiproc|tuiproc\.dll) bridge far"))];
        Assert.True(children.Length == 1 && bridges.Length == 1, $"expected one ssh and one bridge, found ssh {string.Join(", ", children)} and bridge {string.Join(", ", bridges)}");
        return (children[0], bridges[0]);
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>
    /// tuiproc run here with <c>TUIPROC_SSH</c> naming the test's sshd, and a session directory of its own
    /// with no session in it: what it reaches, it reaches through ssh.
    /// </summary>
    private sealed class ClientHere(string sshCommand = "") : IDisposable
    {
        public string RuntimeDir { get; } = Directory.CreateTempSubdirectory("tuiproc-client-").FullName;

        public string SshCommand { get; set; } = sshCommand;

        public Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args) =>
            Tuiproc.RunAsync(new Dictionary<string, string> { ["TUIPROC_SSH"] = SshCommand, ["XDG_RUNTIME_DIR"] = RuntimeDir }, args);

        public void Dispose() => Directory.Delete(RuntimeDir, recursive: true);
    }
}
