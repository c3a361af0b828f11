using NSubstitute;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Tests.TestSupport;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Supervision;

public sealed class SupervisorSamplingTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Sample_CpuPercent_IsCpuTimeOverWallTime()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("10"));
        h.Os.Set(100, OsProcessState.Running, cpuSeconds: 0);
        h.Advance(TimeSpan.FromMilliseconds(2)); // the first reading, just after the spawn: the baseline
        h.Os.Set(100, OsProcessState.Running, cpuSeconds: 0.499);

        h.Advance(Second - TimeSpan.FromMilliseconds(2));

        ResourceSampled sample = Assert.Single(h.Of<ResourceSampled>());
        Assert.Equal(50, sample.Process.CpuPercent, precision: 6); // 0.499 s of CPU in 0.998 s
        Assert.Equal(4096, sample.Process.ResidentBytes);
        Assert.Equal(sample.Process, h.Supervisor.Snapshot()[0].LastSample);
    }

    [Fact]
    public void Quiet_TheResourceSampleCountsAsAStatePoll_FourReadingsASecond_NeverMoreThanAPollApart()
    {
        // Quiet, states were read 4 times a second by the polls and once more by the resource sample.
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("10"));
        h.Os.Set(100, OsProcessState.Sleeping);
        List<long> readings = [];
        h.Os.Probe.When(p => p.TryRead(100, out Arg.Any<ProcessStatus>())).Do(_ => readings.Add(h.Clock.Clock));
        h.Advance(Second * 5); // quiet after 2 s

        readings.Clear();
        h.Advance(Second * 10);

        Assert.InRange(readings.Count, 39, 41);
        long[] gaps = [.. readings.Zip(readings.Skip(1), (a, b) => b - a)];
        Assert.True(gaps.Max() <= TimeSpan.FromMilliseconds(251).Ticks, $"{TimeSpan.FromTicks(gaps.Max()).TotalMilliseconds} ms without a reading");
        Assert.Equal(10, h.Of<ResourceSampled>().Count(e => e.Time.UtcTicks >= readings[0]));
    }

    [Fact]
    public void Quiet_AStateChangeSeenByTheSample_BringsBackTheFastPolls()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("10"));
        h.Os.Set(100, OsProcessState.Sleeping);
        h.Advance(Second * 5);
        List<long> readings = [];
        h.Os.Probe.When(p => p.TryRead(100, out Arg.Any<ProcessStatus>())).Do(_ => readings.Add(h.Clock.Clock));

        h.Os.Set(100, OsProcessState.Running);
        h.Advance(Second);

        WorkerStateChanged change = Assert.Single(h.Of<WorkerStateChanged>(), e => e.To == WorkerState.Running);
        int after = readings.Count(t => t > change.Time.UtcTicks);
        Assert.True(after >= 5, $"{after} readings in the rest of the second after the change"); // 50 ms polls again
    }

    [Fact]
    public void Sample_IntervalIsConfigurable()
    {
        using SupervisorHarness h = new(o => o.SampleInterval = TimeSpan.FromMilliseconds(250));
        h.Supervisor.Spawn(WorkerSpec.Square("10"));
        h.Os.Set(100, OsProcessState.Sleeping);

        h.Advance(Second);

        Assert.Equal(4, h.Of<ResourceSampled>().Count());
    }

    [Fact]
    public void Sample_Machine_PerCoreBusyPercentFromTheDeltas()
    {
        using SupervisorHarness h = new();
        h.Os.Probe.ReadMachineCpu().Returns(
            new MachineCpuTimes([new CoreTimes(0, 0), new CoreTimes(0, 0)]),
            new MachineCpuTimes([new CoreTimes(100, 100), new CoreTimes(25, 100)]));

        h.Advance(Second * 2);

        MachineSampled machine = Assert.Single(h.Of<MachineSampled>());
        Assert.Equal([100.0, 25.0], machine.CoreBusyPercent.ToArray());
    }

    [Fact]
    public void Descendants_OfACommandWorker_AppearChangeStateAndEnd()
    {
        // A Python script's multiprocessing children: tracked under their worker, with state and CPU.
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Command(["python3", "lesson.py"]));
        h.Os.Set(100, OsProcessState.Sleeping, name: "python3");
        h.Os.SetChildren(100, 200, 201);
        h.Os.Set(200, OsProcessState.Running, parent: 100, name: "python3");
        h.Os.Set(201, OsProcessState.Sleeping, parent: 100, name: "python3");
        h.Os.SetChildren(201, 300);
        h.Os.Set(300, OsProcessState.Running, parent: 201, name: "sh");
        h.Advance(TimeSpan.FromMilliseconds(50));

        DescendantStateChanged[] found = [.. h.Of<DescendantStateChanged>()];
        Assert.Equal([200, 201, 300], found.Select(d => d.Pid));
        Assert.All(found, d => Assert.Null(d.From));
        Assert.Equal(201, found[2].ParentPid);

        h.Os.Set(200, OsProcessState.Sleeping, parent: 100, name: "python3");
        h.Os.Remove(300);
        h.Os.SetChildren(201);
        h.Advance(TimeSpan.FromMilliseconds(50));

        Assert.Equal(
            [(200, WorkerState.Running, WorkerState.Waiting), (300, WorkerState.Running, WorkerState.Ended)],
            h.Of<DescendantStateChanged>().Skip(3).Select(d => (d.Pid, d.From!.Value, d.To)));

        h.Advance(Second);
        ResourceSampled sample = h.Of<ResourceSampled>().Last();
        Assert.Equal(id, sample.Worker);
        Assert.Equal([200, 201], sample.Descendants.Select(d => d.Pid));
    }

    [Fact]
    public void Descendants_WhenTheWorkerEnds_AreReportedEnded()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Command(["python3", "lesson.py"]));
        h.Os.Set(100, OsProcessState.Sleeping);
        h.Os.SetChildren(100, 200);
        h.Os.Set(200, OsProcessState.Running, parent: 100);
        h.Advance(TimeSpan.FromMilliseconds(50));

        h.Os.Exit(100, WorkerExit.Exited(0));

        Assert.Equal(WorkerState.Ended, h.Of<DescendantStateChanged>().Last().To);
        Assert.Empty(h.Supervisor.Snapshot()[0].Descendants);
    }

    [Fact]
    public void Descendants_SquareWorkersAreNotSearched_TheyNeverStartChildren()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("10"));
        h.Os.Set(100, OsProcessState.Running);

        h.Advance(Second);

        h.Os.Probe.DidNotReceive().ReadChildren(Arg.Any<int>(), Arg.Any<int>());
    }
}
