using System.Text.Json;
using System.Text.RegularExpressions;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// Sessions with real processes in a real terminal (tmux): the UI's supervisor runs in a session server
/// that outlives the terminal; d, a hang-up and a closed terminal detach; attach brings the screen back;
/// ls, ctl and events work beside a live UI; the server's SIGKILL leaves nothing; a short linger ends it.
/// </summary>
public sealed class SessionTests
{
    private static readonly string[] Slow = ["--steps", "1000", "--wait-ms", "100"];

    [Fact]
    public async Task D_Detaches_TheWorkersRunOn_AndAttachShowsTheScreenAsItWas()
    {
        // Worker 1 (the one the Output panel shows) prints 100 lines and sleeps: after attach its panel must
        // hold those 100 lines, which only the session's history can give (they were printed long before).
        using TmuxApp app = TmuxApp.Start(["--session", "lab-a", "--cmd", "sh -c 'seq 1 100; exec sleep 600'", "--cmd", "sleep 601"], width: 120, height: 35);
        app.WaitUntil(s => s.Contains("· 100 lines", StringComparison.Ordinal) && s.Contains("sleep 601", StringComparison.Ordinal), "the first worker's 100 lines");
        int[] workers = [app.PidOf("sh -c seq 1 100; exec sleep"), app.PidOf("sleep 601")];
        int server = app.SessionServer;

        app.Keys("d");
        Assert.Equal(0, app.WaitForExit());
        // Printed on the terminal's last row once the UI has left, so tmux's "Pane is dead" may push it into
        // the pane's history; and tmux may read a pane's last bytes after it died: waited for, in the transcript.
        Until(() => app.Transcript().Contains("detached from session lab-a (2 workers alive); tuiproc attach lab-a brings it back", StringComparison.Ordinal), "the line saying how to come back");
        Assert.All(workers.Append(server), pid => Assert.True(Tuiproc.IsAlive(pid)));

        (int code, string listed, _) = await Tuiproc.RunAsync(app.SessionEnvironment, "ls");
        Assert.Equal(0, code);
        Assert.Matches(@"lab-a +2 alive of 2 +0 +\d+s +- +in 1h59m \(linger 2h\)", listed);

        app.StartAnother(["attach", "lab-a"]);
        string back = app.WaitUntil(s => s.Contains("tuiproc lab-a", StringComparison.Ordinal) && s.Contains("· 100 lines", StringComparison.Ordinal), "the session's screen again, the first worker's 100 lines with it");
        Assert.Contains("100", back.Split("Output")[^1], StringComparison.Ordinal);
        Assert.Equal(workers[0], app.PidOf("sh -c seq 1 100; exec sleep"));
        Assert.Equal(workers[1], app.PidOf("sleep 601"));

        app.Keys("q");
        app.WaitFor("2 workers still alive");
        app.Keys("Enter");
        Assert.Equal(0, app.WaitForExit());
        await Tuiproc.UntilAsync(() => !workers.Append(server).Any(Tuiproc.IsAlive), "the session and its workers gone after q");
        (_, string none, _) = await Tuiproc.RunAsync(app.SessionEnvironment, "ls");
        Assert.Equal("no sessions (tuiproc starts one)", none.Trim());
    }

    [Fact]
    public void TerminalGone_SighupFromTmux_Detaches_AndAttachFindsTheWorkers()
    {
        using TmuxApp app = TmuxApp.Start(["--session", "hup", .. Slow, "square:7", "cube:7"]);
        int[] workers = [app.PidOf("square 7"), app.PidOf("cube 7")];

        app.KillSession(); // what a dropped SSH connection does: SIGHUP, and the terminal's end

        Until(() => !Tuiproc.IsAlive(app.Pid), "the UI ended after SIGHUP");
        Assert.All(workers, pid => Assert.True(Tuiproc.IsAlive(pid), $"worker {pid} was stopped by the hang-up"));
        app.StartAnother(["attach", "hup"]);
        Assert.Equal(workers[0], app.PidOf("square 7"));
        Assert.Equal(workers[1], app.PidOf("cube 7"));
    }

    [Fact]
    public void AKeyBeforeTheSpawnsAnswer_ActsOnTheWorkerJustSpawned_NotTheOneSelectedBefore()
    {
        // Bug pinned: in a session the selection moves to a spawned worker when the spawn's answer comes back
        // from the server; a 9 pressed before that killed the worker selected before. The server is stopped
        // (SIGSTOP, as a stalled server or a slow link would be) so that the key surely comes first.
        using TmuxApp app = TmuxApp.Start(["--session", "quick-key", .. Slow, "square:7"]);
        int before = app.PidOf("square 7");
        int server = app.SessionServer;
        app.Keys("s");
        app.WaitFor("Spawn square N");
        Tuiproc.Signal(server, 19); // SIGSTOP
        try
        {
            app.Keys("Enter");
            app.WaitUntil(s => !s.Contains("Spawn square N", StringComparison.Ordinal), "the spawn dialog closed");
            app.Keys("9");
            app.Keys("?"); // the help shows once the UI has taken the 9 before it: keys are taken in order
            app.WaitFor("tuiproc keys");
            app.Keys("Escape");
        }
        finally
        {
            Tuiproc.Signal(server, 18); // SIGCONT
        }

        // The header's line ("killed N (SIGKILL)", which may wrap), not the timeline's signal, shown sooner.
        string screen = app.WaitUntil(s => s.Contains("killed 1", StringComparison.Ordinal) || s.Contains("killed 2", StringComparison.Ordinal), "the kill said");
        Assert.Contains("killed 2", screen, StringComparison.Ordinal);
        Assert.True(Tuiproc.IsAlive(before), "the worker selected before the spawn was killed");
    }

    [Fact]
    public void Sighup_FromOutside_Detaches_TheTerminalIsRestored()
    {
        using TmuxApp app = TmuxApp.Start(["--session", "kill-hup", .. Slow, "square:8"]);
        int worker = app.PidOf("square 8");

        Tuiproc.Signal(app.Pid, 1);

        Assert.Equal(0, app.WaitForExit());
        Assert.DoesNotContain("Processes", app.Screen(), StringComparison.Ordinal);
        Assert.True(Tuiproc.IsAlive(worker));
    }

    [Fact]
    public async Task Ctl_AgainstALiveUi_TheUiShowsWhatItDid()
    {
        using TmuxApp app = TmuxApp.Start(["--session", "c", .. Slow, "square:3"], width: 120, height: 35);
        app.PidOf("square 3");
        IReadOnlyDictionary<string, string> env = app.SessionEnvironment;

        (int code, string spawned, _) = await Tuiproc.RunAsync(env, "ctl", "c", "spawn", "--steps", "1000", "--wait-ms", "100", "cube:5");
        Assert.Equal((0, "worker 2: cube 5"), (code, spawned.Trim()));
        app.PidOf("cube 5");

        Assert.Equal(0, (await Tuiproc.RunAsync(env, "ctl", "c", "pause", "1")).Code);
        app.WaitUntil(s => Regex.IsMatch(s, @"square 3 *│ *\d+ *│paused"), "worker 1 paused in the table");
        (int again, _, string refused) = await Tuiproc.RunAsync(env, "ctl", "c", "pause", "1");
        Assert.Equal((1, "tuiproc: worker 1 is already paused"), (again, refused.Trim()));

        (_, string ps, _) = await Tuiproc.RunAsync(env, "ctl", "c", "ps", "--json");
        JsonElement[] rows = [.. ps.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
        Assert.Equal(["paused", "waiting"], rows.Select(r => r.GetProperty("state").GetString() == "running" ? "waiting" : r.GetProperty("state").GetString()));

        Assert.Equal(0, (await Tuiproc.RunAsync(env, "ctl", "c", "mode", "pause-on-wait")).Code);
        app.WaitFor("mode: pause-on-wait");
        Assert.Equal(0, (await Tuiproc.RunAsync(env, "ctl", "c", "kill", "2")).Code);
        app.WaitFor("killed by SIGKILL");

        (int ended, string said, _) = await Tuiproc.RunAsync(env, "ctl", "c", "end");
        Assert.Equal((0, "session c ended (1 worker terminated)"), (ended, said.Trim()));
        Assert.Equal(0, app.WaitForExit()); // the UI saw its session end
        (int gone, _, string noSession) = await Tuiproc.RunAsync(env, "ctl", "c", "ps");
        Assert.Equal((3, "tuiproc: no session named c (there is none)"), (gone, noSession.Trim()));
    }

    [Fact]
    public async Task TwoClients_SeeTheSame_AndEitherOneActs()
    {
        using TmuxApp app = TmuxApp.Start(["--session", "two", .. Slow, "square:3"]);
        app.PidOf("square 3");
        string first = app.Terminal;

        app.StartAnother(["attach", "two"]);
        app.Keys("c");
        app.WaitFor("Spawn cube N");
        app.Keys("Enter"); // cube 10, the dialog's default
        int cube = app.PidOf("cube 10");

        string other = "";
        await Tuiproc.UntilAsync(() => (other = app.ScreenOf(first)).Contains($"│{cube}│", StringComparison.Ordinal) || other.Contains($" {cube}│", StringComparison.Ordinal), "the first UI showing the cube the second spawned");
        (_, string listed, _) = await Tuiproc.RunAsync(app.SessionEnvironment, "ls");
        Assert.Matches(@"two +2 alive of 2 +2 ", listed);
    }

    [Fact]
    public async Task SessionServer_KilledWithSigkill_NothingIsLeft_TheUiSaysSo_AndLsCleansUp()
    {
        using TmuxApp app = TmuxApp.Start(["--session", "k", .. Slow, "square:3", "cube:3"]);
        int[] workers = [app.PidOf("square 3"), app.PidOf("cube 3")];
        int server = app.SessionServer;

        Tuiproc.Signal(server, 9);

        await Tuiproc.UntilAsync(() => !workers.Any(Tuiproc.IsAlive), "the workers gone with their server (the orphan guard)");
        app.WaitUntil(s => Regex.Replace(s, @"\s+", " ").Contains("session k: the session server went away", StringComparison.Ordinal), "the header saying the server went away");
        (int code, string listed, string said) = await Tuiproc.RunAsync(app.SessionEnvironment, "ls");
        Assert.Equal(0, code);
        Assert.Equal("no sessions (tuiproc starts one)", listed.Trim());
        Assert.StartsWith("tuiproc: session k is gone: its server ended without removing its socket (removed now", said.Trim(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(app.RuntimeDir, "tuiproc", "k.sock")));
    }

    [Fact]
    public async Task ShortLinger_WithNobodyAttached_TerminatesTheWorkers_AndEnds()
    {
        using TmuxApp app = TmuxApp.Start(["--session", "l", "--linger", "2s", .. Slow, "square:3"]);
        int worker = app.PidOf("square 3");
        int server = app.SessionServer;

        app.Keys("d");
        Assert.Equal(0, app.WaitForExit());

        await Tuiproc.UntilAsync(() => !Tuiproc.IsAlive(worker) && !Tuiproc.IsAlive(server), "the worker and the server gone after the linger");
        string log = await File.ReadAllTextAsync(Path.Combine(app.RuntimeDir, "tuiproc", "l.log"));
        Assert.Contains("session l ends: nobody attached for 2s (--linger): its workers are terminated", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventsFollow_UnderAFlood_LosesNoLine()
    {
        using TmuxApp app = TmuxApp.Start(["--session", "flood"]);
        using TempFile recorded = new(".jsonl");
        using Tuiproc.Running follower = Tuiproc.StartShell($"XDG_RUNTIME_DIR='{app.RuntimeDir}' exec $TUIPROC events flood --follow > '{recorded.Path}'");
        await Tuiproc.UntilAsync(() => File.Exists(recorded.Path) && File.ReadAllText(recorded.Path).Contains("\"snapshot\"", StringComparison.Ordinal), "the follower's snapshot");

        Assert.Equal(0, (await Tuiproc.RunAsync(app.SessionEnvironment, "ctl", "flood", "spawn", "--cmd", "seq 1 200000")).Code);
        await Tuiproc.UntilAsync(() => File.ReadAllText(recorded.Path).Contains("{\"type\":\"ended\"", StringComparison.Ordinal), "the flood's end in the record");
        Tuiproc.Signal(follower.Pid, 2);
        await follower.EndAsync();

        long expected = 1;
        foreach (JsonElement e in Tuiproc.ReadEvents(recorded.Path).Where(e => e.GetProperty("type").GetString() == "output"))
        {
            Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), e.GetProperty("text").GetString());
            expected++;
        }

        Assert.Equal(200_001, expected);
        Assert.DoesNotContain(Tuiproc.ReadEvents(recorded.Path), e => e.GetProperty("type").GetString() == "eventsDropped");
    }

    private static void Until(Func<bool> condition, string what) => Tuiproc.UntilAsync(condition, what).GetAwaiter().GetResult();
}
