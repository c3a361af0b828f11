using System.Globalization;
using System.Text.RegularExpressions;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd.Labs;

/// <summary>Lab 4 (asynchronous vs parallel): turns on one slot, then all at once; the student compares the makespans on screen.</summary>
public sealed partial class Lab4EndToEndTests
{
    [Fact]
    public void Lab4_PauseOnWaitThenParallel_TheFasterRunIsReadOffTheSummaries()
    {
        using LabDriver lab = LabDriver.Open("4", 7, "--mode", "pause-on-wait", "--steps", "4", "--work-ms", "150", "--wait-ms", "200", "square:3", "cube:3", "square:4");
        lab.Done(3, seconds: 90); // the mode, the turns, the run to its end
        double asynchronous = Makespan(lab.App.WaitFor("Summary: makespan"));

        lab.Answer("1"); // one at a time
        lab.Done(4);
        lab.App.Keys("w");
        lab.App.WaitFor("mode: parallel");
        lab.Spawn("s", n: "3", steps: "4");
        lab.Spawn("c", n: "3", steps: "4");
        lab.Spawn("s", n: "4", steps: "4");
        lab.Done(5, seconds: 90);
        lab.App.Keys("S");
        double parallel = Makespan(lab.App.WaitFor("Summary: makespan"));

        lab.Answer(parallel <= asynchronous ? "1" : "2"); // what the two summaries said
        lab.Done(6);
        lab.Answer("2"); // another worker's work
        lab.App.WaitFor("Lab finished");
        lab.Quit();
        lab.Replayed(); // the flight recording, replayed: the lab panel ticks at the recorded times

        (int code, string stdout, _) = lab.Check();
        Assert.True(code == 0, stdout);
        Assert.Contains("7 of 7 steps done", stdout, StringComparison.Ordinal);
    }

    private static double Makespan(string screen) =>
        double.Parse(MakespanText().Match(screen).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Summary: makespan (\d+\.\d+) s")]
    private static partial Regex MakespanText();
}
