using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd.Labs;

/// <summary>Lab 3 (signals): pause, resume, terminate while paused, kill, join with a timeout — each seen in /proc too.</summary>
public sealed class Lab3EndToEndTests
{
    [Fact]
    public void Lab3_Signals_ByKeys_ATerminateOnARunningWorkerDoesNotTickThePausedStep()
    {
        using LabDriver lab = LabDriver.Open("3", 9, "--steps", "200", "--work-ms", "30", "--wait-ms", "30", "square:7");
        lab.Done(1);
        int worker = lab.App.PidOf("square 7");

        lab.App.Keys("p");
        lab.Done(2);
        Assert.Equal('T', Tuiproc.State(worker));
        lab.App.Keys("p");
        lab.Done(3);
        lab.Answer("2"); // the SIGTERM stays pending
        lab.Done(4);

        // A near miss first: terminating a worker that is not paused does not do the step.
        lab.Spawn("c", n: "5");
        int running = lab.App.PidOf("cube 5");
        lab.App.Keys("k");
        LabDriver.Until(() => !Tuiproc.IsAlive(running), "the running cube terminated");
        Assert.Contains("Lab 3 · 4 of 9", lab.App.Screen(), StringComparison.Ordinal);

        lab.App.Keys("Up"); // back to square 7
        lab.App.Keys("p");
        lab.App.WaitFor("│paused");
        lab.App.Keys("k");
        lab.Done(5);
        LabDriver.Until(() => !Tuiproc.IsAlive(worker), "the paused worker ended by SIGTERM");

        lab.Spawn("s", n: "11");
        int victim = lab.App.PidOf("square 11");
        lab.App.Keys("9");
        lab.Done(6);
        LabDriver.Until(() => !Tuiproc.IsAlive(victim), "the killed worker gone");

        lab.Spawn("c", n: "12");
        lab.App.PidOf("cube 12");
        lab.App.Keys("T");
        lab.App.WaitFor("Join cube 12 with a timeout"); // the dialog (the lab's title says "with a timeout" too)
        lab.App.Keys("Enter"); // 2 s
        lab.Done(7);
        lab.Answer("1"); // None
        lab.Done(8);
        lab.App.Keys("J");
        lab.App.WaitFor("Lab finished");
        lab.Quit();
        lab.Replayed(); // the flight recording, replayed: the lab panel ticks at the recorded times

        (int code, string stdout, _) = lab.Check();
        Assert.True(code == 0, stdout);
        Assert.Contains("9 of 9 steps done", stdout, StringComparison.Ordinal);
    }
}
