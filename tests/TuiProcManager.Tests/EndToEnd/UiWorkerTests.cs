using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// The real app in a real terminal (tmux), driven by keys, checked on the screen and in /proc: what a
/// student does in a lab, end to end.
/// </summary>
public sealed class UiWorkerTests
{
    [Fact]
    public void SpawnPauseResumeTerminate_ThenJoinAll_ByKeys_AsTheOsSeesIt()
    {
        using TmuxApp app = TmuxApp.Start([]);

        app.Keys("s");
        app.WaitFor("Spawn square N");
        app.Keys("Enter"); // the defaults: N = 10, 10 steps of 300 ms work and 200 ms wait
        int square = app.PidOf("square 10");
        Assert.True(Tuiproc.IsAlive(square));

        app.Keys("p");
        app.WaitFor("│paused"); // the state cell, not only the header's message
        Until(() => Tuiproc.State(square) == 'T', "the worker stopped (SIGSTOP): state T in /proc");

        app.Keys("p");
        Until(() => Tuiproc.State(square) is 'R' or 'S', "the worker running again (SIGCONT)");
        app.WaitUntil(s => !s.Contains("│paused", StringComparison.Ordinal), "the worker no longer shown paused");

        app.Keys("k");
        app.WaitFor("killed");
        Until(() => !Tuiproc.IsAlive(square), "the terminated worker gone from /proc");

        app.Keys("c");
        app.WaitFor("Spawn cube N");
        app.Keys("Enter");
        int cube = app.PidOf("cube 10");
        app.Keys("J");
        app.WaitFor("Done!", TimeSpan.FromSeconds(60));
        Assert.False(Tuiproc.IsAlive(cube));
        Assert.Contains("Cube: 1000", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void PauseOnWait_WorkersTakeTurns_WSwitchesLive_TheSummaryShowsAtTheEnd_AndNothingOutlivesQ()
    {
        using TmuxApp app = TmuxApp.Start(["--mode", "pause-on-wait", "--steps", "4", "--work-ms", "150", "--wait-ms", "200", "square:3", "cube:3", "square:4"]);
        int[] workers = [app.PidOf("square 3"), app.PidOf("cube 3"), app.PidOf("square 4")];
        IReadOnlyList<int> all = app.Descendants(); // workers, fork server, orphan guard
        Assert.Superset(workers.ToHashSet(), all.ToHashSet());

        app.WaitFor("mode: pause-on-wait, 1 slot");
        app.WaitFor("│queued"); // a worker stopped by the scheduler, in the state column

        app.Keys("w");
        app.WaitFor("mode: parallel");
        app.Keys("w");
        app.WaitFor("mode: pause-on-wait");

        string end = app.WaitFor("Run summary", TimeSpan.FromSeconds(60)); // shown by itself in the Output panel's place
        Assert.Contains("Summary: makespan", end, StringComparison.Ordinal);
        Assert.Contains("3 workers: 0 running 0 waiting 3 done", end, StringComparison.Ordinal);
        Assert.All(workers, pid => Assert.False(Tuiproc.IsAlive(pid)));

        app.Keys("q"); // nothing alive any more: it quits without asking
        Assert.Equal(0, app.WaitForExit());
        Until(() => all.All(pid => !Tuiproc.IsAlive(pid)), "every process tuiproc started gone after q");
    }

    [Fact]
    public void Pool_StartedFromTheDialog_ItsPanelShowsInputsRunning_ResultsShowEveryOne_AndNothingOutlivesQ()
    {
        using TmuxApp app = TmuxApp.Start([]);
        string[] clear = [.. Enumerable.Repeat("BSpace", 8)];

        app.Keys("m");
        app.WaitFor("Start a pool");
        // Fields: kind (square), inputs, workers (2), steps, work ms, wait ms.
        app.Keys(["Tab", "End", .. clear, "1..6", "Tab", "Tab", "End", .. clear, "3", "Tab", "End", .. clear, "150", "Tab", "End", .. clear, "150"]);
        app.Keys("Enter");

        string running = app.WaitUntil(
            s => s.Contains("┤Pool 1 · 6 inputs · 2 workers started", StringComparison.Ordinal) && s.Contains("2 running", StringComparison.Ordinal),
            "the Pool panel with two inputs running");
        Assert.Matches(@"│\d+ +\d+ +\d+  square\(\d\)", running); // a worker, its PID, its count, the input it computes
        int worker = app.PidOf("pool 1 worker");
        IReadOnlyList<int> all = app.Descendants(); // pool workers, fork server, orphan guard
        Assert.Contains(worker, all);

        app.WaitFor("6 done · 0 failed · finished", TimeSpan.FromSeconds(60));
        app.Keys("r", "r"); // Pool → Output → Results
        string results = app.WaitFor("square(6) = 36");
        Assert.Contains("┤Results · 6 ok", results, StringComparison.Ordinal);
        Assert.Contains("square(1) = 1", results, StringComparison.Ordinal);

        app.Keys("q"); // every worker has ended: it quits without asking
        Assert.Equal(0, app.WaitForExit());
        Until(() => all.All(pid => !Tuiproc.IsAlive(pid)), "every process tuiproc started gone after q");
    }

    [Fact]
    public void Quit_WithWorkersAlive_AsksFirst_ThenStopsEveryOneOfThem()
    {
        using TmuxApp app = TmuxApp.Start(["--steps", "100", "--wait-ms", "1000", "square:5", "cube:5"]);
        int[] workers = [app.PidOf("square 5"), app.PidOf("cube 5")];
        IReadOnlyList<int> all = app.Descendants(); // workers, fork server, orphan guard
        Assert.Superset(workers.ToHashSet(), all.ToHashSet());

        app.Keys("q");
        app.WaitFor("2 workers still alive");
        app.Keys("Enter"); // the default button: Quit

        Assert.Equal(0, app.WaitForExit());
        Until(() => all.All(pid => !Tuiproc.IsAlive(pid)), "every process tuiproc started gone after q");
    }

    [Theory]
    [InlineData("SIGTERM", 143)]
    [InlineData("SIGINT", 130)]
    [InlineData("Ctrl+C", 130)]
    public void SignalOrCtrlC_StopEveryWorker_RestoreTheTerminal_AndExitWithTheSignalsCode(string how, int expected)
    {
        using TmuxApp app = TmuxApp.Start(["--steps", "100", "--wait-ms", "1000", "square:8", "cube:8"]);
        app.PidOf("square 8");
        app.PidOf("cube 8");
        IReadOnlyList<int> all = app.Descendants();

        switch (how)
        {
            case "SIGTERM": Tuiproc.Signal(app.Pid, 15); break;
            case "SIGINT": Tuiproc.Signal(app.Pid, 2); break;
            default: app.Keys("C-c"); break;
        }

        Assert.Equal(expected, app.WaitForExit());
        Until(() => all.All(pid => !Tuiproc.IsAlive(pid)), $"every process tuiproc started gone after {how}");
        Assert.DoesNotContain("Processes", app.Screen(), StringComparison.Ordinal); // the UI's screen is gone: terminal restored
    }

    [Fact]
    public void Flood_OfOutput_KeysStillAct_AndQuitStopsIt()
    {
        using TmuxApp app = TmuxApp.Start(["--cmd", "yes flood"]);
        int worker = app.PidOf("yes flood");
        app.WaitFor("flood");

        // Keys act while the worker writes as fast as it can (`yes` never stops).
        app.Keys("?");
        app.WaitFor("tuiproc keys", TimeSpan.FromSeconds(10));
        app.Keys("Escape");
        app.WaitUntil(s => !s.Contains("tuiproc keys", StringComparison.Ordinal), "the help closed", TimeSpan.FromSeconds(10));
        Assert.True(Tuiproc.IsAlive(worker));
        Assert.InRange(ResidentMegabytes(app.Pid), 1, 400); // bounded scrollback and queues, not the flood's size

        app.Keys("q");
        app.WaitFor("still alive", TimeSpan.FromSeconds(10));
        app.Keys("Enter");
        Assert.Equal(0, app.WaitForExit());
        Until(() => !Tuiproc.IsAlive(worker), "the flooding worker stopped");
    }

    private static void Until(Func<bool> condition, string what) =>
        Tuiproc.UntilAsync(condition, what).GetAwaiter().GetResult();

    private static long ResidentMegabytes(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024)
            .Single();
}
