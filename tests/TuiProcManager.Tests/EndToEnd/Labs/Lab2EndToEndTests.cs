using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd.Labs;

/// <summary>Lab 2 (processes and CPUs): busy workers on every core, watched until every core is busy.</summary>
public sealed class Lab2EndToEndTests
{
    [Fact]
    public void Lab2_BusyWorkersOnEveryCore_StepsTickFromTheStates_AndTheCpuSamples()
    {
        int cores = Environment.ProcessorCount;
        using LabDriver lab = LabDriver.Open("2", 5, "--steps", "10", "--work-ms", "600", "--wait-ms", "0", $"square:1..{cores}");
        lab.Done(3); // started, all running at once, every core busy for 3 s
        lab.Answer("2"); // one per core
        lab.Done(4);
        lab.App.Keys("J");
        lab.App.WaitFor("Lab finished", TimeSpan.FromSeconds(90));
        lab.Quit();
        lab.Replayed(); // the flight recording, replayed: the lab panel ticks at the recorded times

        (int code, string stdout, _) = lab.Check();
        Assert.True(code == 0, stdout);
        Assert.Contains("5 of 5 steps done", stdout, StringComparison.Ordinal);
    }
}
