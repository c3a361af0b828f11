using System.Diagnostics;
using System.Text.Json;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Headless;

/// <summary><c>tuiproc run</c>, the real program, as a user runs it.</summary>
public sealed class RunTests
{
    private const string LessonScript = """
        import multiprocessing

        def print_cube(num):
            print("Cube: {}".format(num * num * num))

        def print_square(num):
            print("Square: {}".format(num * num))

        if __name__ == "__main__":
            p1 = multiprocessing.Process(target=print_square, args=(10,))
            p2 = multiprocessing.Process(target=print_cube, args=(10,))
            p1.start()
            p2.start()
            p1.join()
            p2.join()
            print("Done!")
        """;

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Run_TheLessonsProgram_PrintsBothResultsThenDone()
    {
        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "square:10", "cube:10");

        Assert.Equal((0, ""), (code, stderr));
        string[] lines = Lines(stdout);
        Assert.Equal(3, lines.Length);
        Assert.Equal(["Cube: 1000", "Square: 100"], lines[..2].Order());
        Assert.Equal("Done!", lines[2]);
    }

    [Fact]
    public async Task Run_TheLessonsPythonScript_PrintsWhatPythonPrintsThenDone()
    {
        // With PYTHONUNBUFFERED (set on some machines) print() writes text and newline separately, and the
        // two children can interleave mid-line, as they would under any parent: run Python as shipped.
        using TempFile lesson = new(".py", LessonScript);
        using Tuiproc.Running run = Tuiproc.Start(["PYTHONUNBUFFERED"], "run", "--cmd", $"python3 {lesson.Path}");

        (int code, string stdout, string stderr) = await run.EndAsync();

        Assert.Equal((0, ""), (code, stderr));
        string[] lines = Lines(stdout);
        Assert.Equal(["Cube: 1000", "Square: 100"], lines[..2].Order());
        Assert.Equal(["Done!", "Done!"], lines[2..]);
    }

    [Fact]
    public async Task Run_ArbitraryPrecision_IsExact()
    {
        (int code, string stdout, _) = await Tuiproc.RunAsync("run", "square:123456789012345678901234567890", "cube:-3");

        Assert.Equal(0, code);
        Assert.Contains("Square: 15241578753238836750495351562536198787501905199875019052100", Lines(stdout));
        Assert.Contains("Cube: -27", Lines(stdout));
    }

    [Fact]
    public async Task Run_AWorkerFails_ExitOneAndSaysWhich()
    {
        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "square:2", "--cmd", "sh -c 'exit 3'");

        Assert.Equal(1, code);
        Assert.Equal(["Square: 4", "Done!"], Lines(stdout));
        Assert.Equal("tuiproc: worker 2 (sh -c exit 3) exited with code 3\n", stderr);
    }

    [Fact]
    public async Task Run_OutputIntoAPipe_IsTheWorkersTextAsItWas()
    {
        // Only a terminal gets worker text made harmless (RunInATerminalTests); a pipe or file is data.
        using TempFile script = new(".py", HostileWorker.Script(hostileChild: false, sleepSeconds: 0));

        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--cmd", "python3 " + script.Path);

        Assert.Equal((0, ""), (code, stderr));
        Assert.Contains("\u001b]0;PWNED\u0007title\n", stdout, StringComparison.Ordinal);
        Assert.Contains("\u009b2J c1\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OpenFileLimitReached_TheSpawnsRefusedAreNamed_TheRestFinish_NoCrash()
    {
        // 256 descriptors: the runtime takes about 60, each worker about 5, 64 are kept back; so of 60
        // workers at once some start and the rest are refused, each with a line saying why.
        string[] specs = [.. Enumerable.Range(1, 60).Select(n => $"square:{n}")];
        using Tuiproc.Running run = Tuiproc.StartWithOpenFileLimit(256, ["run", "--steps", "2", "--work-ms", "20", "--wait-ms", "500", .. specs]);

        (int code, string stdout, string stderr) = await run.EndAsync();

        Assert.Equal(1, code);
        string[] refused = Lines(stderr);
        Assert.NotEmpty(refused);
        Assert.All(refused, l => Assert.Matches(@"^tuiproc: worker \d+ \(square \d+\) failed to start: too many open files: .* \(see ulimit -n\)$", l));
        string[] results = [.. Lines(stdout).Where(l => l.StartsWith("Square: ", StringComparison.Ordinal))];
        Assert.True(results.Length >= 10, $"only {results.Length} workers finished");
        Assert.Equal(60, results.Length + refused.Length); // every worker either finished or was refused, none lost
        Assert.Equal("Done!", Lines(stdout)[^1]);
    }

    [Fact]
    public async Task Run_Timeout_TerminatesWhatIsLeft_ExitCode124()
    {
        using TempFile events = new(".jsonl");

        (int code, _, string stderr) = await Tuiproc.RunAsync("run", "--timeout", "0.5", "--steps", "1000", "--wait-ms", "50", "square:2", "cube:0", "--events", events.Path);

        Assert.Equal(124, code);
        Assert.Contains("timed out after 0.5 s: terminating 2 workers still running", stderr, StringComparison.Ordinal);
        Assert.All(Tuiproc.ReportedPids(events.Path), pid => Assert.False(Tuiproc.IsAlive(pid)));
    }

    [Theory]
    [InlineData(2, 130)] // Ctrl+C
    [InlineData(15, 143)] // SIGTERM
    [InlineData(1, 129)] // SIGHUP: the SSH connection dropped
    public async Task Run_Signal_StopsEveryWorkerFirst_ExitCode128PlusSignal(int signal, int expected)
    {
        using TempFile events = new(".jsonl");
        using Tuiproc.Running run = Tuiproc.Start("run", "--steps", "1000", "--wait-ms", "50", "square:2", "cube:2", "--events", events.Path);
        await Tuiproc.UntilAsync(() => Tuiproc.ReportedPids(events.Path).Length == 2, "both workers spawned");
        int[] workers = Tuiproc.ReportedPids(events.Path);

        Tuiproc.Signal(run.Pid, signal);
        (int code, _, string stderr) = await run.EndAsync();

        Assert.True(code == expected, $"exit code {code}, stderr:\n{stderr}");
        Assert.Contains("terminating 2 workers", stderr, StringComparison.Ordinal);
        Assert.All(workers, pid => Assert.False(Tuiproc.IsAlive(pid), $"worker {pid} outlived tuiproc"));
    }

    [Fact]
    public async Task Run_KilledWithSigkill_LeavesNoWorkerNorAnyOfTheirChildren()
    {
        // The supervisor gets no chance to clean up: the orphan guard must.
        using TempFile events = new(".jsonl");
        using TempFile script = new(".py", """
            import multiprocessing, time
            def wait(n):
                time.sleep(120)
            if __name__ == "__main__":
                ps = [multiprocessing.Process(target=wait, args=(i,)) for i in range(3)]
                for p in ps: p.start()
                for p in ps: p.join()
            """);
        using Tuiproc.Running run = Tuiproc.Start("run", "--steps", "1000", "--wait-ms", "50", "square:2", "cube:2", "--cmd", $"python3 {script.Path}", "--events", events.Path);
        await Tuiproc.UntilAsync(
            () => Tuiproc.ReadEvents(events.Path).Count(e => e.GetProperty("type").GetString() == "descendantStateChanged" && !e.TryGetProperty("from", out _) && e.GetProperty("name").GetString()!.StartsWith("python", StringComparison.Ordinal)) >= 3,
            "three Python children seen");
        int[] pids = Tuiproc.ReportedPids(events.Path);
        Assert.True(pids.Length >= 6, string.Join(",", pids));

        Tuiproc.Signal(run.Pid, 9);
        await run.EndAsync();

        await Tuiproc.UntilAsync(() => pids.All(pid => !Tuiproc.IsAlive(pid)), "every worker and child gone after tuiproc was SIGKILLed");
    }

    [Fact]
    public async Task Run_KilledWithSigkill_EveryWorkerIsGone()
    {
        // The guard ends them: its reaction time (at most 1 s, the README's guarantee) is the `guard`
        // benchmark's figure, not a pass/fail limit here, where a loaded machine decides the time.
        using TempFile events = new(".jsonl");
        using Tuiproc.Running run = Tuiproc.Start("run", "--steps", "1000", "--wait-ms", "50", "square:2", "cube:2", "square:3",
            "--cmd", "sh -c 'setsid sleep 60 & sleep 60'", "--cmd", "sleep 60", "--events", events.Path);
        int[] workers = [];
        await Tuiproc.UntilAsync(
            () => (workers = [.. Tuiproc.ReadEvents(events.Path).Where(e => e.GetProperty("type").GetString() == "spawned").Select(e => e.GetProperty("pid").GetInt32())]).Length == 5
                && workers.All(Tuiproc.IsAlive),
            "five workers running");

        Tuiproc.Signal(run.Pid, 9);

        await Tuiproc.UntilAsync(() => !workers.Any(Tuiproc.IsAlive), "every worker gone after tuiproc's SIGKILL");
        await run.EndAsync();
    }

    [Fact]
    public async Task Run_Events_AreJsonLinesInOrder()
    {
        using TempFile events = new(".jsonl");

        (int code, _, _) = await Tuiproc.RunAsync("run", "--steps", "2", "--work-ms", "60", "--wait-ms", "60", "square:3", "cube:3", "--events", events.Path);

        Assert.Equal(0, code);
        List<JsonElement> all = Tuiproc.ReadEvents(events.Path);
        Assert.Equal(File.ReadAllLines(events.Path).Length, all.Count); // every line is one JSON object
        long[] sequence = [.. all.Select(e => e.GetProperty("sequence").GetInt64())];
        Assert.Equal(sequence.Order(), sequence);
        string[] types = [.. all.Select(e => e.GetProperty("type").GetString()!)];
        Assert.Equal(2, types.Count(t => t == "spawned"));
        Assert.Equal(6, types.Count(t => t == "output"));
        Assert.Equal(2, types.Count(t => t == "ended"));
        Assert.Equal(2, types.Count(t => t == "joined"));
        Assert.Contains("stateChanged", types);
        JsonElement output = all.First(e => e.GetProperty("type").GetString() == "output");
        Assert.Equal("stdout", output.GetProperty("channel").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(events.Path));
    }
}
