using NSubstitute;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Tests.TestSupport;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Supervision;

/// <summary>
/// Pinned bug: processes re-parented to the supervisor (a double-forked daemon, a fork bomb's
/// processes whose parents exited) were never shown under their worker: they are no longer below it in
/// the process tree. The launcher says whose they are (<see cref="IProcessLauncher.ReadAdopted"/>).
/// </summary>
public sealed class SupervisorAdoptedTests
{
    [Fact]
    public void AdoptedProcess_AndItsChildren_AreTrackedUnderTheirWorker_AfterItsOwnTree()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Command(["sh", "daemonize.sh"]));
        WorkerId other = h.Supervisor.Spawn(WorkerSpec.Command(["sleep", "60"]));
        h.Os.Set(100, OsProcessState.Sleeping, name: "sh");
        h.Os.Set(101, OsProcessState.Sleeping, name: "sleep");
        h.Os.SetChildren(100, 200);
        h.Os.Set(200, OsProcessState.Sleeping, parent: 100, name: "sleep");
        h.Os.Set(500, OsProcessState.Running, parent: Environment.ProcessId, name: "daemon"); // the supervisor's child
        h.Os.SetChildren(500, 501);
        h.Os.Set(501, OsProcessState.Sleeping, parent: 500, name: "helper");
        h.Os.Launcher.ReadAdopted().Returns([new AdoptedProcess(100, 500)]);

        h.Advance(TimeSpan.FromSeconds(1)); // the launcher is asked at the resource samples, once a second

        DescendantStateChanged[] found = [.. h.Of<DescendantStateChanged>()];
        Assert.Equal([(200, id), (500, id), (501, id)], found.Select(d => (d.Pid, d.Worker)));
        Assert.Equal(Environment.ProcessId, found[1].ParentPid);
        Assert.DoesNotContain(found, d => d.Worker == other);

        h.Advance(TimeSpan.FromSeconds(1));
        h.Os.Launcher.Received().ReadAdopted();
        ResourceSampled sample = h.Of<ResourceSampled>().Last(s => s.Worker == id);
        Assert.Equal([200, 500, 501], sample.Descendants.Select(d => d.Pid));

        // The daemon ends: it is reported ended, like any descendant.
        h.Os.Remove(500);
        h.Os.Remove(501);
        h.Os.Launcher.ReadAdopted().Returns([]);
        h.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(
            [(500, WorkerState.Ended), (501, WorkerState.Ended)],
            h.Of<DescendantStateChanged>().Where(d => d.To == WorkerState.Ended).Select(d => (d.Pid, d.To)));
    }

    [Fact]
    public void AdoptedPid_GivenToAProcessThatIsNotOurChild_IsNotShown_BetweenTwoAsks()
    {
        // The state polls between two resource samples reuse the last answer: a PID that has changed
        // hands since (its parent is not us) is not taken for the daemon.
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Command(["sh", "daemonize.sh"]));
        h.Os.Set(100, OsProcessState.Sleeping, name: "sh");
        h.Os.Set(500, OsProcessState.Sleeping, parent: Environment.ProcessId, name: "daemon");
        h.Os.Launcher.ReadAdopted().Returns([new AdoptedProcess(100, 500)]);
        h.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains(h.Of<DescendantStateChanged>(), d => d.Pid == 500 && d.Worker == id);

        h.Os.Set(500, OsProcessState.Running, parent: 1, name: "unrelated", startTime: 9);
        h.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Equal(WorkerState.Ended, h.Of<DescendantStateChanged>().Last(d => d.Pid == 500).To);
        Assert.DoesNotContain(h.Of<DescendantStateChanged>(), d => d.Name == "unrelated");
    }

    [Fact]
    public void ReadAdopted_IsNotAsked_WhileNoWorkerRuns()
    {
        // No new periodic work when nothing runs: only state polls (which run while a worker does) ask.
        using SupervisorHarness h = new();

        h.Advance(TimeSpan.FromSeconds(3));

        h.Os.Launcher.DidNotReceive().ReadAdopted();
    }
}
