using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd.Labs;

/// <summary>Lab 1 (the lesson's example) done by keys, as a student would, then graded from the recorded stream.</summary>
public sealed class Lab1EndToEndTests
{
    [Fact]
    public void Lab1_ByKeys_EveryStepTicks_TheReportIsSaved_AndTheRecordedRunChecksComplete()
    {
        using LabDriver lab = LabDriver.Open("1", 7);
        lab.App.WaitFor("Step 1 of 7: Start a square worker");

        lab.App.Keys("h"); // a hint: shown, and counted
        lab.App.WaitFor("Hint 1 of 2");
        lab.Spawn("s");
        lab.Done(1);
        lab.Spawn("c");
        lab.Done(2);
        lab.Done(3); // both printed their result
        lab.App.Keys("J");
        string joined = lab.Done(4);
        Assert.Contains("Done!", joined, StringComparison.Ordinal);

        lab.Answer("1"); // None: wrong, and the dialog stays
        lab.App.WaitFor("not quite");
        lab.App.Keys("BSpace", "2", "Enter"); // 0
        lab.Done(5);

        lab.Spawn("c", n: "3", steps: "0");
        lab.App.WaitFor("cube 3");
        lab.App.Keys("J");
        lab.Done(6);
        lab.Answer("Cube: 27");
        string finished = lab.App.WaitFor("Lab finished");
        Assert.Contains("1 hint, 1 wrong answer", finished.Replace("\n", " ", StringComparison.Ordinal).Replace("│", " ", StringComparison.Ordinal), StringComparison.Ordinal);

        lab.App.Keys("E");
        lab.App.WaitFor("report saved");
        string report = Path.Combine(lab.App.ConfigHome, "tuiproc-lab-1-report.md");
        Assert.Contains("| steps done | 7 of 7 |", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(report));
        Assert.True(File.Exists(Path.Combine(lab.App.StateHome, "tuiproc", "labs", "1.json")), "progress saved");
        lab.Quit();
        lab.Replayed(); // the flight recording, replayed: the lab panel ticks at the recorded times

        (int code, string stdout, _) = lab.Check();
        Assert.True(code == 0, stdout);
        Assert.Contains("7 of 7 steps done: the lab is complete", stdout, StringComparison.Ordinal);
        Assert.Contains("done     5 What is p1.exitcode now? (at ", stdout, StringComparison.Ordinal);
        Assert.Contains("1 wrong answer)", stdout, StringComparison.Ordinal);
    }
}
