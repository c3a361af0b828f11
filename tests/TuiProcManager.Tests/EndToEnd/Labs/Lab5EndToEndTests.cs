using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd.Labs;

/// <summary>Lab 5 (a pool and shared results): Pool.map from the dialog, the results table, a pool worker killed by key.</summary>
public sealed class Lab5EndToEndTests
{
    [Fact]
    public void Lab5_PoolResultsAndAKilledPoolWorker_ThePoolStillEnds()
    {
        using LabDriver lab = LabDriver.Open("5", 6);
        lab.App.Keys("m");
        lab.App.WaitFor("Start a pool: map over inputs");
        lab.App.Keys("Enter"); // square over 1..10, 2 workers, 4 steps an input
        lab.Done(1);
        lab.App.Keys("r");
        lab.Done(2, seconds: 90); // 5 results in the shared table
        lab.Answer("square(7) = 49"); // the Results row as it shows it
        lab.Done(3);

        lab.App.Keys("m");
        lab.App.WaitFor("Start a pool: map over inputs");
        lab.App.Keys("Enter");
        lab.App.WaitFor("pool 2 worker");
        lab.App.Keys("End"); // the last row: a worker of pool 2
        lab.App.WaitUntil(s => s.Split('\n').Any(l => l.Contains("pool 2 worker", StringComparison.Ordinal) && l.Contains("running", StringComparison.Ordinal)), "a pool 2 worker running");
        lab.App.Keys("9");
        lab.Done(4);
        lab.Done(5, seconds: 90); // the pool ends, one input failed
        lab.Answer("2");
        lab.App.WaitFor("Lab finished");
        lab.Quit();
        lab.Replayed(); // the flight recording, replayed: the lab panel ticks at the recorded times

        (int code, string stdout, _) = lab.Check();
        Assert.True(code == 0, stdout);
        Assert.Contains("6 of 6 steps done", stdout, StringComparison.Ordinal);
    }
}
