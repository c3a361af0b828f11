using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// The headless <c>tuiproc run</c> with its output on a real terminal (tmux): worker output is data there
/// too. Into a pipe or a file it goes byte for byte (see RunTests).
/// </summary>
public sealed class RunInATerminalTests
{
    [Fact]
    public void HostileOutput_OnATerminal_IsPrintedAsText_TheTitleAndScreenUntouched()
    {
        using TempFile script = new(".py", HostileWorker.Script(hostileChild: false, sleepSeconds: 0));
        using TmuxApp app = TmuxApp.Start(["run", "--cmd", "python3 " + script.Path], width: 120, height: 30, waitFor: "Done!");
        string before = app.PaneTitle();

        string screen = app.Transcript();

        Assert.Equal(0, app.WaitForExit());
        Assert.All(HostileWorker.ShownAs, shown => Assert.Contains(shown, screen, StringComparison.Ordinal));
        Assert.Equal(before, app.PaneTitle());
        Assert.DoesNotContain("PWN", app.PaneTitle(), StringComparison.Ordinal);
        string[] lines = screen.Split('\n');
        int title = Array.FindIndex(lines, l => l.Contains("title", StringComparison.Ordinal));
        int after = Array.FindIndex(lines, l => l.EndsWith("after", StringComparison.Ordinal));
        Assert.Equal(HostileWorker.ShownAs.Length - 1, after - title); // one line each, in order: nothing moved or cleared
    }
}
