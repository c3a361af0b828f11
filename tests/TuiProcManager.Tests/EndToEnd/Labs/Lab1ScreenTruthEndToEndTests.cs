using System.Text.RegularExpressions;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd.Labs;

/// <summary>
/// Lab 1 at a student's pace, in the real app: step 2 said "two processes now run at once" although
/// square 10 had ended before cube 10 started; the cube's line typed as the screen shows it was refused.
/// </summary>
public sealed class Lab1ScreenTruthEndToEndTests
{
    [Fact]
    public void Lab1_CubeStartedAfterTheSquareEnded_DoesNotTickStep2_BothAtOnceDo_AndTheLineTypedAsShownIsRight()
    {
        // Short workers (2 steps of 100 ms work and 50 ms wait): the square is over long before the cube starts.
        using LabDriver lab = LabDriver.Open("1", 7, "--steps", "2", "--work-ms", "100", "--wait-ms", "50");
        lab.Spawn("s");
        lab.Done(1);
        int square = lab.App.PidOf("square 10");
        LabDriver.Until(() => !Tuiproc.IsAlive(square), "square 10 ended");
        lab.Spawn("c");
        int cube = lab.App.PidOf("cube 10");
        LabDriver.Until(() => !Tuiproc.IsAlive(cube), "cube 10 ended");
        lab.App.WaitFor("Cube: 1000"); // its output has been taken in: every event of its run has been seen
        Assert.Contains("Lab 1 · 1 of 7", lab.App.Screen(), StringComparison.Ordinal);

        // The hint's way: both again, at once, long enough to be seen running side by side.
        lab.Spawn("s", steps: "30");
        lab.Spawn("c", steps: "30");
        lab.Done(3); // step 3 too: both had printed their result already
        lab.App.Keys("J");
        lab.Done(4, seconds: 90);
        lab.Answer("2"); // 0
        lab.Done(5);

        lab.Spawn("c", n: "3", steps: "0");
        lab.App.WaitFor("cube 3");
        lab.App.Keys("J");
        lab.Done(6);
        lab.Answer("cube:27"); // the line as printed, spaces and case aside
        string finished = lab.App.WaitFor("Lab finished");
        Assert.Contains("0 hints, 0 wrong answers", Regex.Replace(finished, @"[\s│]+", " "), StringComparison.Ordinal);
        lab.Quit();
    }
}
