using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// Pinned bug: Esc on the main screen quit at once (exit 0), stopping the running
/// workers without a question, though the help says Esc closes a dialog: one Esc too many ended the
/// session. Quitting with live workers asks, and the question takes y/n as well as Enter/Esc.
/// </summary>
public sealed class QuitKeysTests
{
    private static readonly string[] Workers = ["--steps", "100", "--wait-ms", "1000", "square:8"];

    [Fact]
    public void Esc_OnTheMainScreen_DoesNotQuit_AndSaysWhatQuits()
    {
        using TmuxApp app = TmuxApp.Start(Workers);
        int worker = app.PidOf("square 8");

        app.Keys("Escape");
        app.WaitFor("q quits", TimeSpan.FromSeconds(10));
        app.Keys("Escape");
        Thread.Sleep(1500); // a quit would have ended the app by now (it did at once)

        Assert.False(app.HasExited(out _), "Esc quit the app");
        Assert.True(Tuiproc.IsAlive(worker));
        Assert.Contains("square 8", app.Screen(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("n")]
    [InlineData("N")]
    [InlineData("Escape")]
    public void Quit_WithAWorkerAlive_AnsweredNo_KeepsEverythingRunning(string no)
    {
        using TmuxApp app = TmuxApp.Start(Workers);
        int worker = app.PidOf("square 8");

        app.Keys("q");
        app.WaitFor("still alive", TimeSpan.FromSeconds(10));
        app.Keys(no);
        app.WaitUntil(s => !s.Contains("still alive", StringComparison.Ordinal), "the question closed", TimeSpan.FromSeconds(10));
        Thread.Sleep(1000);

        Assert.False(app.HasExited(out _), $"{no} quit the app");
        Assert.True(Tuiproc.IsAlive(worker));
    }

    [Theory]
    [InlineData("y")]
    [InlineData("Y")]
    [InlineData("Enter")]
    public void Quit_WithAWorkerAlive_AnsweredYes_StopsIt_AndExitsZero(string yes)
    {
        using TmuxApp app = TmuxApp.Start(Workers);
        int worker = app.PidOf("square 8");
        IReadOnlyList<int> all = app.Descendants();

        app.Keys("q");
        app.WaitFor("(y/n)", TimeSpan.FromSeconds(10));
        app.Keys(yes);

        Assert.Equal(0, app.WaitForExit());
        Until(() => all.All(pid => !Tuiproc.IsAlive(pid)), "every process tuiproc started gone");
        Assert.False(Tuiproc.IsAlive(worker));
    }

    [Fact]
    public void CtrlC_InADialog_StopsEveryWorker_AndExits130_AsOnTheMainScreen()
    {
        using TmuxApp app = TmuxApp.Start(Workers);
        int worker = app.PidOf("square 8");

        app.Keys("x");
        app.WaitFor("Run a command", TimeSpan.FromSeconds(10));
        app.Keys("abc", "C-c");

        Assert.Equal(130, app.WaitForExit());
        Until(() => !Tuiproc.IsAlive(worker), "the worker gone");
    }

    private static void Until(Func<bool> condition, string what) =>
        Tuiproc.UntilAsync(condition, what).GetAwaiter().GetResult();
}
