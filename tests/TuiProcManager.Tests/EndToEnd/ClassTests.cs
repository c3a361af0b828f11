using System.Text.Json;
using TuiProcManager.Tests.TestSupport;
using TuiProcManager.Testing;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// A teacher's class view (<c>tuiproc class</c>) over real sessions of real users: on this host, several
/// sessions shared with the teacher, one of them killed mid-way (its row says so, the others keep
/// changing), Enter watching one read-only and Esc coming back; over a real sshd on localhost, a host that
/// cannot be reached being a row of its own beside the host that can.
/// </summary>
public sealed class ClassTests : IDisposable
{
    private const string Why = "making users (useradd) and running tuiproc as them (setpriv) need root";

    private readonly string _sharedRoot = Directory.CreateTempSubdirectory("tuiproc-class-e2e-").FullName;
    private readonly string _runtime = Directory.CreateTempSubdirectory("tuiproc-class-run-").FullName;
    private readonly List<string> _sessions = [];

    public ClassTests() => File.SetUnixFileMode(_sharedRoot, (UnixFileMode)Convert.ToInt32("755", 8));

    private Dictionary<string, string> Student => new() { ["XDG_RUNTIME_DIR"] = _runtime, ["TUIPROC_SHARED_DIR"] = _sharedRoot };

    private Dictionary<string, string> Teacher => new() { ["TUIPROC_SHARED_DIR"] = _sharedRoot };

    [RootFact(Why)]
    public async Task LocalSessions_OneKilledMidway_ItsRowSaysSo_TheOthersKeepUpdating_EnterWatchesAndEscComesBack()
    {
        using ThrowawayUser teacher = ThrowawayUser.Create();
        // alpha from a UI (detached at once, so that the terminal is free for the teacher), beta --detached.
        using TmuxApp app = TmuxApp.Start(["--session", "alpha", "--cmd", "sleep 600"], width: 150, height: 20, env: Student);
        _sessions.Add("alpha");
        app.Keys("d");
        Assert.Equal(0, app.WaitForExit());
        (int shared, _, string sharing) = await Tuiproc.RunAsync(Student, "share", "alpha", "--with", teacher.Name);
        Assert.True(shared == 0, sharing);
        await StartSharedAsync("beta", teacher.Name);

        (int code, string json, string said) = await teacher.RunAsync(Teacher, "class", "--json");
        Assert.True(code == 0, said);
        Assert.Equal(["alpha", "beta"], Rows(json).Select(r => r.GetProperty("session").GetString()).Order());
        Assert.All(Rows(json), r => Assert.Equal("root", r.GetProperty("student").GetString()));

        app.StartCommand(teacher.Command(Teacher, "class"), waitFor: "2 sessions, 2 with workers alive");

        // beta's server is killed (SIGKILL: no goodbye); alpha goes on, and what happens there shows.
        int beta = ServerOf("beta");
        Assert.True(Tuiproc.TryKill(beta));
        app.WaitFor("GONE: its server is gone");
        (code, _, said) = await Tuiproc.RunAsync(Student, "ctl", "alpha", "spawn", "--cmd", "sleep 601");
        Assert.True(code == 0, said);
        app.WaitFor("worker 2 started (sleep 601)");
        Assert.Contains("1 session, 1 with workers alive", app.Screen(), StringComparison.Ordinal);

        // The gone row is first (problems first); alpha is below it: Enter watches it, read-only; Esc comes back.
        app.Keys("Down");
        app.Keys("Enter");
        app.WaitFor("tuiproc root/alpha (read-only)");
        app.Keys("k");
        SharingTests.WaitForWrapped(app, "read-only: you are watching root's session (Esc leaves it)");
        app.Keys("Escape");
        app.WaitFor("tuiproc class here");
        app.Keys("q");
        Assert.Equal(0, app.WaitForExit());

        (code, string ps, _) = await Tuiproc.RunAsync(Student, "ctl", "alpha", "ps");
        Assert.True(code == 0 && ps.Contains("sleep 601", StringComparison.Ordinal) && !ps.Contains("ended", StringComparison.Ordinal), ps);
    }

    [RootFact(Why)]
    public async Task OverSsh_TheHostsSharedSessions_AndAHostThatCannotBeReached_IsARowSayingSo()
    {
        // The teacher is this test's user (root), through a real sshd on 127.0.0.1; the student a user made
        // for the test, whose session (in /tmp, where every user looks) is shared with root.
        using ThrowawayUser student = ThrowawayUser.Create();
        using SshServer ssh = SshServer.Start(_runtime);
        try
        {
            (int started, _, string why) = await student.RunAsync(new Dictionary<string, string>(), "--session", "lesson", "--detached", "--cmd", "sleep 600");
            Assert.True(started == 0, why);
            (started, _, why) = await student.RunAsync(new Dictionary<string, string>(), "share", "lesson", "--with", "root");
            Assert.True(started == 0, why);
            Dictionary<string, string> client = new() { ["TUIPROC_SSH"] = ssh.SshCommand, ["XDG_RUNTIME_DIR"] = _runtime };

            (int code, string json, string said) = await Tuiproc.RunAsync(client, "class", SshServer.Host, "no-such-host.invalid", "--json");

            Assert.True(code == 0, said);
            JsonElement[] rows = Rows(json);
            JsonElement down = Assert.Single(rows, r => r.GetProperty("host").GetString() == "no-such-host.invalid");
            Assert.StartsWith("cannot reach no-such-host.invalid through ssh", down.GetProperty("problem").GetString(), StringComparison.Ordinal);
            JsonElement lesson = Assert.Single(rows, r => r.GetProperty("host").GetString() == SshServer.Host);
            Assert.Equal((student.Name, "lesson", $"{SshServer.Host}:{student.Name}/lesson", 1), (lesson.GetProperty("student").GetString(), lesson.GetProperty("session").GetString(), lesson.GetProperty("address").GetString(), lesson.GetProperty("workers_alive").GetInt32()));

            // The row's address reaches the session through ssh as any HOST:NAME does, as a spectator.
            string address = $"{SshServer.Host}:{student.Name}/lesson";
            (code, string ps, said) = await Tuiproc.RunAsync(client, "ctl", address, "ps");
            Assert.True(code == 0 && ps.Contains("sleep 600", StringComparison.Ordinal), $"ctl {address} ps: exit {code}, {ps}{said}");
            Assert.Equal((1, "", $"tuiproc: read-only: {student.Name} shared this session with you to watch, not to act\n"), await Tuiproc.RunAsync(client, "ctl", address, "kill", "1"));

            // And its screen, through ssh: the student's as it is, read-only; a key that acts is refused, and
            // q leaves the worker as it was.
            using (TmuxApp app = TmuxApp.Start(["attach", address], env: client, waitFor: "sleep 600"))
            {
                app.WaitFor($"{address} (read-only)");
                app.Keys("k");
                SharingTests.WaitForWrapped(app, $"read-only: you are watching {student.Name}'s session (q leaves it)");
                app.Keys("q");
                Assert.Equal(0, app.WaitForExit());
            }

            (code, ps, said) = await student.RunAsync(new Dictionary<string, string>(), "ctl", "lesson", "ps");
            Assert.True(code == 0 && (ps.Contains("running", StringComparison.Ordinal) || ps.Contains("waiting", StringComparison.Ordinal)), $"the worker after the spectator left: exit {code}, {ps}{said}");
        }
        finally
        {
            _ = await student.RunAsync(new Dictionary<string, string>(), "ctl", "lesson", "end");
            foreach (string left in (string[])[$"/tmp/tuiproc-{student.Uid}", $"/tmp/tuiproc-shared-{student.Uid}"])
            {
                if (Directory.Exists(left))
                {
                    Directory.Delete(left, recursive: true);
                }
            }
        }
    }

    public void Dispose()
    {
        foreach (string name in _sessions)
        {
            _ = Tuiproc.RunAsync(Student, "ctl", name, "end").Result;
        }

        Directory.Delete(_sharedRoot, recursive: true);
        Directory.Delete(_runtime, recursive: true);
    }

    private async Task StartSharedAsync(string name, string with)
    {
        (int code, _, string said) = await Tuiproc.RunAsync(Student, "--session", name, "--detached", "--cmd", "sleep 600");
        Assert.True(code == 0, said);
        _sessions.Add(name);
        (code, _, said) = await Tuiproc.RunAsync(Student, "share", name, "--with", with);
        Assert.True(code == 0, said);
    }

    /// <summary>The PID of session <paramref name="name"/>'s server, from its log's first line.</summary>
    private int ServerOf(string name)
    {
        string first = File.ReadLines(Path.Combine(_runtime, "tuiproc", name + ".log")).First();
        System.Text.RegularExpressions.Match pid = System.Text.RegularExpressions.Regex.Match(first, @"\(pid (\d+)\)");
        Assert.True(pid.Success, first);
        return int.Parse(pid.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static JsonElement[] Rows(string jsonLines) =>
        [.. jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
}
