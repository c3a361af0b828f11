using NSubstitute;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Tests.TestSupport;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Supervision;

public sealed class SupervisorStateTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    [Theory]
    [InlineData(OsProcessState.Running, WorkerState.Running)]
    [InlineData(OsProcessState.Sleeping, WorkerState.Waiting)]
    [InlineData(OsProcessState.DiskSleep, WorkerState.Waiting)]
    [InlineData(OsProcessState.Stopped, WorkerState.Paused)]
    [InlineData(OsProcessState.TracingStop, WorkerState.Paused)]
    public void Poll_OsState_BecomesWorkerStateWithinOnePollInterval(OsProcessState os, WorkerState expected)
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Os.Set(100, os);

        h.Advance(Poll);

        WorkerStateChanged change = Assert.Single(h.Of<WorkerStateChanged>());
        Assert.Equal((WorkerState.Starting, expected), (change.From, change.To));
        Assert.Equal(expected, h.Supervisor.Snapshot()[0].State);
    }

    [Fact]
    public void Poll_NothingChanging_SlowsDown_AndTheNextChangeBringsFastPollingBack()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Os.Set(100, OsProcessState.Sleeping);

        int fast = ReadsDuring(h, TimeSpan.FromSeconds(1)); // the spawn just happened: 20 polls a second
        h.Advance(TimeSpan.FromSeconds(2));
        int quiet = ReadsDuring(h, TimeSpan.FromSeconds(1)); // 3 s without a change: 4 a second
        h.Os.Set(100, OsProcessState.Running);
        DateTimeOffset changedAt = h.Clock.Now;
        h.Advance(TimeSpan.FromMilliseconds(250));
        int again = ReadsDuring(h, TimeSpan.FromSeconds(1));

        // Each second also has one resource sample, which reads the worker too.
        Assert.InRange(fast, 20, 22);
        Assert.InRange(quiet, 4, 6);
        Assert.InRange(again, 20, 22);
        WorkerStateChanged woke = h.Of<WorkerStateChanged>().Last();
        Assert.Equal(WorkerState.Running, woke.To);
        Assert.InRange(woke.Time - changedAt, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
    }

    private static int ReadsDuring(SupervisorHarness h, TimeSpan span)
    {
        h.Os.Probe.ClearReceivedCalls();
        h.Advance(span);
        return h.Os.Probe.ReceivedCalls().Count(c => c.GetMethodInfo().Name == nameof(IProcessProbe.TryRead));
    }

    [Fact]
    public void Poll_SameStateTwice_PublishesOneChange()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Os.Set(100, OsProcessState.Running);

        h.Advance(Poll * 10);

        Assert.Single(h.Of<WorkerStateChanged>());
    }

    [Fact]
    public void Poll_RunningThenSleeping_ShowsEachTransitionWithItsTime()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Os.Set(100, OsProcessState.Running);
        h.Advance(Poll);
        h.Os.Set(100, OsProcessState.Sleeping);
        DateTimeOffset changedAt = h.Clock.Now;
        h.Advance(Poll);

        WorkerStateChanged[] changes = [.. h.Of<WorkerStateChanged>()];
        Assert.Equal([WorkerState.Running, WorkerState.Waiting], changes.Select(c => c.To));
        Assert.InRange(changes[1].Time - changedAt, TimeSpan.Zero, Poll);
        Assert.Contains("sleeping", changes[1].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Poll_Zombie_PublishesNothing_BecauseTheExitReportsTheEnd()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Os.Set(100, OsProcessState.Zombie);

        h.Advance(Poll * 3);

        Assert.Empty(h.Of<WorkerStateChanged>());
    }

    [Fact]
    public void Poll_PidReusedByAnotherProcess_ReadingIsIgnored()
    {
        // Pins the PID-reuse guard: a reading of the same PID with another start time is another process.
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Os.Set(100, OsProcessState.Running, startTime: 500);
        h.Advance(Poll);
        h.Os.Set(100, OsProcessState.Stopped, startTime: 900);

        h.Advance(Poll * 3);

        Assert.Equal(WorkerState.Running, Assert.Single(h.Of<WorkerStateChanged>()).To);
    }

    [Fact]
    public void Poll_ReapedButEndNotYetReported_ReadingOfItsPidIsIgnored()
    {
        // Pins the window the start-time guard cannot cover: the first reading, taken after the reap (the
        // end is reported only once the pipes are drained) when the PID may already be someone else's.
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Os.Reap(100);
        h.Os.Set(100, OsProcessState.Stopped, startTime: 900); // an unrelated process got the PID

        h.Advance(Poll * 3);

        Assert.Empty(h.Of<WorkerStateChanged>());
    }

    [Fact]
    public void Poll_StoppedByOutsider_IsPausedAndSaysSo()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Os.Set(100, OsProcessState.Stopped);

        h.Advance(Poll);

        Assert.Contains("outside tuiproc", Assert.Single(h.Of<WorkerStateChanged>()).Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Poll_AfterEveryWorkerEnded_ProbeIsNoLongerAsked()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Os.Set(100, OsProcessState.Running);
        h.Advance(Poll);
        h.Os.Exit(100, WorkerExit.Exited(0));
        h.Os.Probe.ClearReceivedCalls();

        h.Advance(TimeSpan.FromMilliseconds(900)); // less than the 1 s resource sample

        Assert.Empty(h.Os.Probe.ReceivedCalls());
    }
}
