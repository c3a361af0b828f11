using System.Diagnostics;
using System.Globalization;
using TuiProcManager.Testing;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// A signal ends tuiproc and every worker whatever the UI is doing (a hang-up, in a session, detaches
/// whatever the UI is doing: the workers run on). Pinned bug: with a
/// dialog open (<c>?</c>, <c>s</c>, <c>x</c>…) SIGTERM, SIGHUP and the terminal's end did nothing until the
/// dialog closed (tuiproc was seen alive with PPID 1 for more than 36 s): the dialog ran inside a
/// Terminal.Gui timer callback that held the timer lock, the signal's handler blocked on it in
/// app.Invoke, and the watchdog registered after that handler never ran.
/// </summary>
public sealed class SignalsInEveryStateTests
{
    /// <summary>The README's promise is 6 s to kill the workers and 8 s to exit; the rest is a loaded machine's slack.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static readonly string[] Workers = ["--steps", "100", "--wait-ms", "1000", "square:8", "cube:8"];

    /// <summary>Every modal state of the app, each with the text that shows it is open; and how each signal is sent.</summary>
    public static TheoryData<string, string, string, int> DialogsAndSignals => new()
    {
        { "?", "tuiproc keys", "SIGTERM", 143 },
        { "s", "Spawn square N", "SIGTERM", 143 },
        { "c", "Spawn cube N", "SIGINT", 130 },
        { "m", "Start a pool", "Ctrl+C", 130 },
        { "x", "Run a command", "SIGTERM", 143 },
        { "T", "with a timeout", "SIGINT", 130 },
        { "/", "Find in output", "SIGINT", 130 },
        { "q", "still alive", "SIGTERM", 143 },
        { "q", "still alive", "Ctrl+C", 130 },
    };

    /// <summary>Modal states, each with a hang-up: SIGHUP from outside, or the terminal gone (tmux's session killed).</summary>
    public static TheoryData<string, string, string> DialogsAndHangUps => new()
    {
        { "?", "tuiproc keys", "SIGHUP" },
        { "T", "with a timeout", "SIGHUP" },
        { "q", "still alive", "SIGHUP" },
        { "x", "Run a command", "kill-session" },
        { "s", "Spawn square N", "kill-session" },
    };

    [Theory]
    [MemberData(nameof(DialogsAndSignals))]
    public void Signal_WithADialogOpen_StopsEveryWorker_AndTheApp(string key, string shows, string signal, int expected)
    {
        using TmuxApp app = TmuxApp.Start(Workers);
        app.PidOf("square 8");
        app.PidOf("cube 8");
        IReadOnlyList<int> all = app.Descendants();

        app.Keys(key);
        app.WaitFor(shows, TimeSpan.FromSeconds(15));
        Send(app, signal);

        AssertAllGone(app, all, signal, expected);
    }

    [Theory]
    [MemberData(nameof(DialogsAndHangUps))]
    public void HangUp_WithADialogOpen_Detaches_TheAppEnds_TheWorkersRunOn(string key, string shows, string signal)
    {
        using TmuxApp app = TmuxApp.Start(Workers);
        int[] workers = [app.PidOf("square 8"), app.PidOf("cube 8")];
        int server = app.SessionServer;

        app.Keys(key);
        app.WaitFor(shows, TimeSpan.FromSeconds(15));
        Send(app, signal);

        Until(() => !Tuiproc.IsAlive(app.Pid), $"tuiproc ended after {signal}", Bound);
        Assert.All(workers.Append(server), pid => Assert.True(Tuiproc.IsAlive(pid), $"pid {pid} is gone after {signal}: a hang-up detaches"));
    }

    [Fact]
    public void Signal_WithALabsAnswerDialogOpen_StopsEveryWorker_AndTheApp()
    {
        // Lab 1's first four steps done already: the current one asks a question, and a opens its answer dialog.
        using TmuxApp app = TmuxApp.Start(["lab", "1", .. Workers], waitFor: "Lab 1 · ", prepare: SeedLab1AtItsQuestion);
        app.PidOf("square 8");
        IReadOnlyList<int> all = app.Descendants();

        app.Keys("a");
        app.WaitFor("Answer: ", TimeSpan.FromSeconds(15));
        Send(app, "Ctrl+C");

        AssertAllGone(app, all, "Ctrl+C", 130);
    }

    [Theory]
    [InlineData("SIGTERM", 143)]
    [InlineData("SIGINT", 130)]
    public void Signal_DuringALongPaste_StopsEveryWorker_AndTheApp(string signal, int expected)
    {
        using TmuxApp app = TmuxApp.Start(Workers);
        app.PidOf("square 8");
        IReadOnlyList<int> all = app.Descendants();
        app.Keys("x");
        app.WaitFor("Run a command", TimeSpan.FromSeconds(15));

        app.Paste(new string('a', 128 * 1024), bracketed: false); // 128 Ki keystrokes: the app is busy taking them
        Send(app, signal);

        AssertAllGone(app, all, signal, expected);
    }

    [Fact]
    public void TerminalGone_DuringALongPaste_Detaches_TheWorkersRunOn()
    {
        using TmuxApp app = TmuxApp.Start(Workers);
        int worker = app.PidOf("square 8");
        int server = app.SessionServer;
        app.Keys("x");
        app.WaitFor("Run a command", TimeSpan.FromSeconds(15));

        app.Paste(new string('a', 128 * 1024), bracketed: false);
        Send(app, "kill-session");

        Until(() => !Tuiproc.IsAlive(app.Pid), "tuiproc ended after the terminal's end", Bound);
        Assert.True(Tuiproc.IsAlive(worker) && Tuiproc.IsAlive(server), "the worker and its session run on");
    }

    /// <summary>
    /// The UI thread blocked for good: the terminal does not read (a frozen SSH connection), so the UI's
    /// write to it never returns. Only the watchdog thread can end the process; it must, with the
    /// signal's exit code, and take every worker with it.
    /// </summary>
    [Fact]
    public void Sigterm_WhileTheUiThreadIsBlockedWritingToATerminalThatDoesNotRead_TheWatchdogEndsItAll()
    {
        using UnreadTerminal terminal = UnreadTerminal.Start(["--cmd", "yes flood", .. Workers]);
        Until(() => ProcessTools.Descendants(terminal.AppPid).Count() >= 3, "the workers started", TimeSpan.FromSeconds(30));
        Until(() => terminal.MainThreadInWrite(), "the UI thread blocked in write(2) to the terminal", TimeSpan.FromSeconds(30));
        List<int> all = [.. ProcessTools.Descendants(terminal.AppPid)];

        Stopwatch since = Stopwatch.StartNew();
        Tuiproc.Signal(terminal.AppPid, 15);

        int status = terminal.WaitForExitStatus(Bound);
        Assert.Equal(143, status);
        Assert.InRange(since.Elapsed, TimeSpan.Zero, Bound);
        Until(() => all.All(pid => !Tuiproc.IsAlive(pid)), "every process tuiproc started gone", Bound);
    }

    private static void Send(TmuxApp app, string signal)
    {
        switch (signal)
        {
            case "SIGTERM": Tuiproc.Signal(app.Pid, 15); break;
            case "SIGHUP": Tuiproc.Signal(app.Pid, 1); break;
            case "SIGINT": Tuiproc.Signal(app.Pid, 2); break;
            case "Ctrl+C": app.Keys("C-c"); break;
            case "kill-session": app.KillSession(); break; // the terminal gone: SIGHUP, and a hung-up tty
            default: throw new ArgumentOutOfRangeException(nameof(signal), signal, "unknown");
        }
    }

    private static void AssertAllGone(TmuxApp app, IReadOnlyList<int> all, string signal, int expected)
    {
        Stopwatch since = Stopwatch.StartNew();
        Until(() => !Tuiproc.IsAlive(app.Pid), $"tuiproc ended after {signal}", Bound);
        Until(() => all.All(pid => !Tuiproc.IsAlive(pid)), $"every process tuiproc started gone after {signal}", Bound);
        Assert.InRange(since.Elapsed, TimeSpan.Zero, Bound);
        if (expected >= 0)
        {
            Assert.Equal(expected, app.WaitForExit()); // with the terminal still there, its pane keeps the status
        }
    }

    private static void Until(Func<bool> condition, string what, TimeSpan within)
    {
        Stopwatch watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > within)
            {
                throw new Xunit.Sdk.XunitException($"not within {within.TotalSeconds} s: {what}");
            }

            Thread.Sleep(50);
        }
    }

    private static void SeedLab1AtItsQuestion(string configHome)
    {
        string labs = Path.Combine(configHome, "state", "tuiproc", "labs");
        Directory.CreateDirectory(labs);
        string done = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture);
        string Step(string id) => $"\"{id}\": {{ \"doneAt\": \"{done}\", \"hintsShown\": 0, \"wrongAnswers\": 0, \"answer\": null }}";
        File.WriteAllText(Path.Combine(labs, "1.json"), $$"""
            {
              "format": "tuiproc-lab-progress/1",
              "lab": "1",
              "title": "The lesson's example: square and cube",
              "startedAt": "{{done}}",
              "activeSeconds": 60,
              "steps": { {{Step("start-square")}}, {{Step("start-cube")}}, {{Step("results-printed")}}, {{Step("join-both")}} }
            }
            """);
    }
}
