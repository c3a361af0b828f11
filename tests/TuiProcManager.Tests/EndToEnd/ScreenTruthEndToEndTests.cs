using System.Text.RegularExpressions;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// The real app in tmux: the screen says what is true now. Found by a hostile new user: Done! stayed after
/// a new worker was spawned; Down did not move past a worker with child rows; search in the merged output
/// did nothing; the CPU panel kept a finished worker's last figure; the pool title said 64 workers when 10
/// started; a right-to-left override from a worker reached the terminal raw.
/// </summary>
public sealed partial class ScreenTruthEndToEndTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(90); // the machine is shared and loaded

    [Fact]
    public void Done_AfterJoinAll_GoesAwayWhenANewWorkerIsSpawned_AndComesBackOnceItIsJoined()
    {
        using TmuxApp app = TmuxApp.Start(["--steps", "1", "--work-ms", "50", "--wait-ms", "0", "square:2", "cube:2"]);
        app.WaitUntil(s => s.Contains("Square: 4", StringComparison.Ordinal) || s.Contains("2 done", StringComparison.Ordinal), "the workers' end", Long);

        app.Keys("J");
        app.WaitUntil(s => Header(s).Contains("Done!", StringComparison.Ordinal), "Done! in the header", Long);

        app.Keys("s");
        app.WaitFor("Spawn square N");
        app.Keys("Enter"); // 10 steps of 300 ms work and 200 ms wait: about 5 s
        string spawned = app.WaitUntil(s => Header(s).Contains("3 workers", StringComparison.Ordinal), "the third worker counted", Long);
        Assert.DoesNotContain("Done!", Header(spawned), StringComparison.Ordinal);

        app.Keys("J");
        app.WaitUntil(s => Header(s).Contains("joining 3", StringComparison.Ordinal) || Header(s).Contains("Done!", StringComparison.Ordinal), "the join of all three", Long);
        app.WaitUntil(s => Header(s).Contains("Done!", StringComparison.Ordinal), "Done! once the third is joined too", Long);
    }

    [Fact]
    public void Down_MovesPastAWorkerWithChildRows_AtAPersonsPace()
    {
        using TempFile script = new(".py", """
            import subprocess, time
            kids = [subprocess.Popen(["sleep", "120"]) for _ in range(2)]
            print("parent up", flush=True)
            time.sleep(120)
            """);
        using TmuxApp app = TmuxApp.Start(["--cmd", "python3 " + script.Path, "--cmd", "sleep 121", "--cmd", "sleep 122"], width: 110, height: 34); // in this order: 1, 2, 3
        app.WaitUntil(s => Regex.Count(s, @"[├└]─sleep") == 2, "the two child rows under their worker", Long);

        app.Keys("Home");
        string first = OutputTitle(app.WaitFor("Output · "));
        Assert.Contains("python3", first, StringComparison.Ordinal);
        List<string> seen = [first];
        for (int i = 0; i < 6 && seen.Count < 3; i++)
        {
            app.Keys("Down");
            Thread.Sleep(1_500); // a person's pace: a refresh (one a second at least) between keys
            string title = OutputTitle(app.Screen());
            if (title != seen[^1])
            {
                seen.Add(title);
            }
        }

        Assert.True(seen.Count == 3, "Down went through: " + string.Join(" | ", seen));
        Assert.Contains("2 sleep 121", seen[1], StringComparison.Ordinal);
        Assert.Contains("3 sleep 122", seen[2], StringComparison.Ordinal);

        app.Keys("Up");
        app.Keys("End");
        app.WaitUntil(s => OutputTitle(s) == seen[^1], "End: the last worker");
        app.Keys("Home");
        app.WaitUntil(s => OutputTitle(s) == first, "Home: the first worker");
    }

    [Fact]
    public void Search_InTheMergedOutput_JumpsToTheMatch_StaysThere_NextWraps_AndNotFoundIsSaid()
    {
        using TempFile script = new(".py", """
            import time
            for i in range(1, 301):
                print(f"needle {i}" if i == 50 else f"hay {i}", flush=True)
            time.sleep(120)
            """);
        using TmuxApp app = TmuxApp.Start(["--cmd", "python3 " + script.Path, "--steps", "400", "--wait-ms", "300", "square:5"], width: 100, height: 30);

        app.Keys("o");
        app.WaitFor("all workers, merged");
        app.WaitFor("hay 300", Long);
        app.Keys("/");
        app.WaitFor("Find in output");
        app.Keys("-l", "needle");
        app.Keys("Enter");

        string found = app.WaitFor("needle 50", Long);
        Assert.Contains("/needle: match 1 of 1", found, StringComparison.Ordinal);
        Thread.Sleep(3_000); // batches of the square worker's lines and samples arrive meanwhile
        string later = app.Screen();
        Assert.Contains("needle 50", later, StringComparison.Ordinal); // still in view: not pulled back to the tail
        Assert.Contains("all workers, merged", later, StringComparison.Ordinal);

        app.Keys("n");
        app.WaitFor("match 1 of 1, wrapped to the top");

        app.Keys("/");
        app.WaitFor("Find in output");
        app.Keys(["End", .. Enumerable.Repeat("BSpace", 10)]);
        app.Keys("-l", "haystack");
        app.Keys("Enter");
        app.WaitFor("/haystack: not found");

        app.Keys("o"); // back to the selected worker's output: search works there too
        app.WaitUntil(s => !s.Contains("all workers, merged", StringComparison.Ordinal), "the worker's own output");
        app.Keys("/");
        app.WaitFor("Find in output");
        app.Keys(["End", .. Enumerable.Repeat("BSpace", 10)]);
        app.Keys("-l", "hay 7");
        app.Keys("Enter");
        app.WaitFor("/hay 7: not found", Long); // the selected worker is square 5 (specs come before commands)
        app.Keys("Down"); // the python worker
        app.WaitFor("Output · 2 python3");
        app.Keys("n");
        app.WaitFor("/hay 7: match 1 of 11", Long); // hay 7, 70..79 (the last search, in this view)
    }

    [Fact]
    public void Cpu_OfAFinishedWorker_IsShownEndedAtZero_NotItsLastFigure()
    {
        using TmuxApp app = TmuxApp.Start(["--steps", "6", "--work-ms", "500", "--wait-ms", "0", "square:4"]);
        app.WaitUntil(s => CpuFigure().IsMatch(s), "the running worker's CPU figure", Long); // how high depends on the machine's load

        string ended = app.WaitFor("1 square 4: ended, 0%", Long);

        Assert.Contains("Square: 16", ended, StringComparison.Ordinal);
        Assert.DoesNotMatch(CpuFigure(), ended);
    }

    [Fact]
    public void PoolTitle_TenInputsInAPoolOf64_SaysTenWorkersStarted()
    {
        using TmuxApp app = TmuxApp.Start([], width: 110, height: 30);
        string[] clear = [.. Enumerable.Repeat("BSpace", 8)];

        app.Keys("m");
        app.WaitFor("Start a pool");
        // Fields: kind (square), inputs, workers, steps, work ms, wait ms.
        app.Keys(["Tab", "End", .. clear, "1..10", "Tab", "End", .. clear, "64", "Tab", "End", .. clear, "2", "Tab", "End", .. clear, "100", "Tab", "End", .. clear, "100"]);
        app.Keys("Enter");

        string title = app.WaitFor("┤Pool 1 · 10 inputs · 10 workers started of Pool(64)", Long);
        Assert.DoesNotContain("over 64", title, StringComparison.Ordinal);
        // The header says the call's answer, which in a session may come after the events that drew the title.
        app.WaitUntil(s => Header(s).Contains("pool 1: 10 inputs, Pool(64)", StringComparison.Ordinal), "the header saying the pool", Long);
        app.WaitFor("10 done · 0 failed · finished", Long);
    }

    [Fact]
    public void BidiControls_FromOutputAndArguments_AreShownAsText_InTheUiAndInRunOnATerminal()
    {
        using TempFile script = new(".py", """
            import time
            print("exit \u202e0 ;rm\u2066x\u2069 zero\u200bwidth", flush=True)
            time.sleep(120)
            """);
        using (TmuxApp app = TmuxApp.Start(["--cmd", $"python3 {script.Path} gpj.\u202Eexe"], width: 140, height: 30))
        {
            string screen = app.WaitFor("exit <U+202E>0 ;rm<U+2066>x<U+2069> zero<U+200B>width", Long);

            Assert.Contains("gpj.<U+202E>exe", screen, StringComparison.Ordinal); // the name, in the table and titles
            Assert.DoesNotContain(screen, c => c is '\u202E' or '\u2066' or '\u2069' or '\u200B');
        }

        using TempFile once = new(".py", """
            print("exit \u202e0 ;rm", flush=True)
            """);
        using TmuxApp run = TmuxApp.Start(["run", "--cmd", "python3 " + once.Path], width: 100, height: 20, waitFor: "Done!");
        string transcript = run.Transcript();
        Assert.Contains("exit <U+202E>0 ;rm", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(transcript, c => c == '\u202E');
        Assert.Equal(0, run.WaitForExit());
    }

    private static string Header(string screen) => screen.Split('\n')[0];

    /// <summary>The Output panel's title: whose output it shows.</summary>
    private static string OutputTitle(string screen) =>
        screen.Split('\n').FirstOrDefault(l => l.Contains("Output · ", StringComparison.Ordinal)) is { } line
            ? line[line.IndexOf("Output · ", StringComparison.Ordinal)..].Split(" · ")[1]
            : "";

    [GeneratedRegex(@"1 square 4: (\d+\.\d)% \(100% = 1 core\)")]
    private static partial Regex CpuFigure();
}
