using NSubstitute;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Tests.TestSupport;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Supervision;

/// <summary>Pause-on-wait through the supervisor, on virtual time, with the OS substituted.</summary>
public sealed class SupervisorSchedulingTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(2);

    [Fact]
    public void SpawnWithTheSlotTaken_StopsTheNewWorker_AndTheStateChangeSaysItIsQueued()
    {
        using SupervisorHarness h = new();
        h.Supervisor.SetScheduling(SchedulingMode.PauseOnWait, 1);

        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        WorkerId second = h.Supervisor.Spawn(WorkerSpec.Square("2"));
        h.Os.Set(100, OsProcessState.Running);
        h.Os.Set(101, OsProcessState.Stopped);
        h.Advance(Tick);

        h.Os.HandleOf(100).DidNotReceive().SignalGroup(ProcessSignal.Stop);
        h.Os.HandleOf(101).Received(1).SignalGroup(ProcessSignal.Stop);
        WorkerStateChanged change = h.Of<WorkerStateChanged>().Single(c => c.Worker == second);
        Assert.Equal(WorkerState.Paused, change.To);
        Assert.Contains("queued for a slot", change.Why, StringComparison.Ordinal);
        Assert.True(h.Supervisor.Snapshot()[1].Queued);
    }

    [Fact]
    public void HolderStartsWaiting_NextIsContinuedWithinAWakePoll()
    {
        using SupervisorHarness h = new();
        h.Supervisor.SetScheduling(SchedulingMode.PauseOnWait, 1);
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Supervisor.Spawn(WorkerSpec.Square("2"));
        h.Os.Set(100, OsProcessState.Running);
        h.Os.Set(101, OsProcessState.Stopped);
        h.Advance(Tick);

        h.Os.Set(100, OsProcessState.Sleeping);
        h.Advance(TimeSpan.FromMilliseconds(1));

        h.Os.HandleOf(101).Received(1).SignalGroup(ProcessSignal.Continue);
        Assert.Contains(h.Of<WorkerScheduled>(), e => e.Worker == new WorkerId(1) && e.Change == SlotChange.Released);
        WorkerScheduled granted = h.Of<WorkerScheduled>().Last();
        Assert.Equal((new WorkerId(2), SlotChange.Granted, 1, 0), (granted.Worker, granted.Change, granted.SlotsInUse, granted.Queued));
        WorkerStateChanged waiting = h.Of<WorkerStateChanged>().Last(c => c.Worker == new WorkerId(1));
        Assert.StartsWith("started waiting", waiting.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkerWakesWhileTheSlotIsTaken_IsStopped_AndHowLateItWasNoticedIsReported()
    {
        using SupervisorHarness h = new();
        h.Supervisor.SetScheduling(SchedulingMode.PauseOnWait, 1);
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Supervisor.Spawn(WorkerSpec.Square("2"));
        h.Os.Set(100, OsProcessState.Running);
        h.Os.Set(101, OsProcessState.Stopped);
        h.Advance(Tick);
        h.Os.Set(100, OsProcessState.Sleeping);
        h.Os.Set(101, OsProcessState.Running); // continued: now it holds the slot
        h.Advance(TimeSpan.FromMilliseconds(3));

        h.Os.Set(100, OsProcessState.Running); // woke up
        h.Advance(TimeSpan.FromMilliseconds(1));

        h.Os.HandleOf(100).Received(1).SignalGroup(ProcessSignal.Stop);
        WorkerScheduled queued = h.Of<WorkerScheduled>().Last();
        Assert.Equal((new WorkerId(1), SlotChange.Queued), (queued.Worker, queued.Change));
        Assert.NotNull(queued.NoticedWithin);
        Assert.True(queued.NoticedWithin <= TimeSpan.FromMilliseconds(1.5), $"noticed within {queued.NoticedWithin}");
    }

    [Fact]
    public void UserPausedWorker_IsNeitherContinuedByTheSchedulerNorCountedAsHoldingASlot()
    {
        using SupervisorHarness h = new();
        h.Supervisor.SetScheduling(SchedulingMode.PauseOnWait, 1);
        WorkerId first = h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Supervisor.Spawn(WorkerSpec.Square("2"));
        h.Os.Set(100, OsProcessState.Running);
        h.Os.Set(101, OsProcessState.Stopped);
        h.Advance(Tick);

        h.Supervisor.Pause(first); // its slot goes to worker 2
        h.Os.Set(100, OsProcessState.Stopped);
        h.Os.Set(101, OsProcessState.Running);
        h.Advance(Tick);
        h.Os.Set(101, OsProcessState.Sleeping); // slot free: still, worker 1 stays paused
        h.Advance(TimeSpan.FromMilliseconds(20));

        h.Os.HandleOf(100).DidNotReceive().SignalGroup(ProcessSignal.Continue);
        h.Os.HandleOf(101).Received(1).SignalGroup(ProcessSignal.Continue);
        Assert.True(h.Supervisor.Snapshot()[0].PausedByUser);
        Assert.False(h.Supervisor.Snapshot()[0].Queued);
    }

    [Fact]
    public void ResumeByUserWhileTheSlotIsTaken_KeepsItStoppedInTheQueue_UntilTheSlotFrees()
    {
        using SupervisorHarness h = new();
        h.Supervisor.SetScheduling(SchedulingMode.PauseOnWait, 1);
        WorkerId first = h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Supervisor.Spawn(WorkerSpec.Square("2"));
        h.Os.Set(100, OsProcessState.Running);
        h.Os.Set(101, OsProcessState.Stopped);
        h.Advance(Tick);
        h.Supervisor.Pause(first);
        h.Os.Set(100, OsProcessState.Stopped);
        h.Os.Set(101, OsProcessState.Running);
        h.Advance(Tick);

        Assert.True(h.Supervisor.Resume(first));
        h.Os.HandleOf(100).DidNotReceive().SignalGroup(ProcessSignal.Continue);
        Assert.True(h.Supervisor.Snapshot()[0].Queued);

        h.Os.Set(101, OsProcessState.Sleeping);
        h.Advance(Tick);
        h.Os.HandleOf(100).Received(1).SignalGroup(ProcessSignal.Continue);
    }

    [Fact]
    public void KilledWhileQueued_NeverContinued_AndTheQueueMovesOn()
    {
        using SupervisorHarness h = new();
        h.Supervisor.SetScheduling(SchedulingMode.PauseOnWait, 1);
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        WorkerId second = h.Supervisor.Spawn(WorkerSpec.Square("2"));
        h.Supervisor.Spawn(WorkerSpec.Square("3"));
        h.Os.Set(100, OsProcessState.Running);
        h.Os.Set(101, OsProcessState.Stopped);
        h.Os.Set(102, OsProcessState.Stopped);
        h.Advance(Tick);

        h.Supervisor.Kill(second);
        h.Os.Exit(101, WorkerExit.Signaled(9, "SIGKILL"));
        h.Os.Set(100, OsProcessState.Sleeping);
        h.Advance(Tick);

        h.Os.HandleOf(101).DidNotReceive().SignalGroup(ProcessSignal.Continue);
        h.Os.HandleOf(102).Received(1).SignalGroup(ProcessSignal.Continue);
    }

    [Fact]
    public void SwitchingModesWithWorkersAlive_TakesThemOverAndLetsThemGo()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Supervisor.Spawn(WorkerSpec.Square("2"));
        h.Supervisor.Spawn(WorkerSpec.Square("3"));
        h.Os.Set(100, OsProcessState.Running);
        h.Os.Set(101, OsProcessState.Sleeping);
        h.Os.Set(102, OsProcessState.Running);
        h.Advance(TimeSpan.FromMilliseconds(60));

        h.Supervisor.SetScheduling(SchedulingMode.PauseOnWait, 1);

        h.Os.HandleOf(100).DidNotReceive().SignalGroup(ProcessSignal.Stop);
        h.Os.HandleOf(101).DidNotReceive().SignalGroup(ProcessSignal.Stop); // waiting: left to sleep
        h.Os.HandleOf(102).Received(1).SignalGroup(ProcessSignal.Stop);
        Assert.Equal((SchedulingMode.PauseOnWait, 1), h.Supervisor.Scheduling);

        h.Supervisor.SetScheduling(SchedulingMode.Parallel, 1);

        h.Os.HandleOf(102).Received(1).SignalGroup(ProcessSignal.Continue);
        h.Os.HandleOf(101).DidNotReceive().SignalGroup(ProcessSignal.Continue);
        Assert.Equal(
            [SchedulingMode.PauseOnWait, SchedulingMode.Parallel],
            h.Of<SchedulingChanged>().Select(e => e.Mode));
        Assert.False(h.Supervisor.Snapshot()[2].Queued);
    }

    [Fact]
    public void TerminateQueuedWorker_LeavesTheScheduler_AndTheContinueComesFromTerminate()
    {
        using SupervisorHarness h = new();
        h.Supervisor.SetScheduling(SchedulingMode.PauseOnWait, 1);
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        WorkerId second = h.Supervisor.Spawn(WorkerSpec.Square("2"));

        _ = h.Supervisor.TerminateAsync(second);

        Assert.Contains(h.Of<WorkerScheduled>(), e => e.Worker == second && e.Change == SlotChange.Left);
        Assert.Contains(h.Of<SignalSent>(), s => s.Worker == second && s.Signal == ProcessSignal.Terminate);
        Assert.False(h.Supervisor.Snapshot()[1].Queued);
    }

    [Fact]
    public void WakePolls_ReadOnlyWorkersThatMayWake()
    {
        using SupervisorHarness h = new();
        h.Supervisor.SetScheduling(SchedulingMode.PauseOnWait, 1);
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Supervisor.Spawn(WorkerSpec.Square("2"));
        h.Os.Set(100, OsProcessState.Running);
        h.Os.Set(101, OsProcessState.Stopped);
        h.Advance(TimeSpan.FromMilliseconds(60));
        h.Os.Probe.ClearReceivedCalls();

        h.Advance(TimeSpan.FromMilliseconds(20));

        int reads100 = h.Os.Probe.ReceivedCalls().Count(c => c.GetMethodInfo().Name == "TryRead" && (int)c.GetArguments()[0]! == 100);
        int reads101 = h.Os.Probe.ReceivedCalls().Count(c => c.GetMethodInfo().Name == "TryRead" && (int)c.GetArguments()[0]! == 101);
        Assert.InRange(reads100, 15, 25); // every millisecond
        Assert.InRange(reads101, 0, 1); // queued (stopped by us): only the full poll every 50 ms
    }

    [Fact]
    public void ReadingTakenBeforeTheGrant_ShowsTheNewHolderStillStopped_ItKeepsTheSlot()
    {
        using SupervisorHarness h = new();
        h.Supervisor.SetScheduling(SchedulingMode.PauseOnWait, 1);
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        WorkerId second = h.Supervisor.Spawn(WorkerSpec.Square("2"));

        // One full poll reads both: the first asleep (its slot goes to the second, SIGCONT), then the
        // second as it was before the SIGCONT, stopped.
        h.Os.Set(100, OsProcessState.Sleeping);
        h.Os.Set(101, OsProcessState.Stopped);
        h.Advance(TimeSpan.FromMilliseconds(1)); // the first poll, a full one
        h.Os.Set(101, OsProcessState.Running); // what the next poll sees, after the SIGCONT
        h.Advance(Tick);

        Assert.DoesNotContain(h.Of<WorkerScheduled>(), e => e.Worker == second && e.Change == SlotChange.Released);
        Assert.Equal(SlotChange.Granted, h.Of<WorkerScheduled>().Last(e => e.Worker == second).Change);
    }

    [Fact]
    public void SetScheduling_ZeroSlots_Throws()
    {
        using SupervisorHarness h = new();
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Supervisor.SetScheduling(SchedulingMode.PauseOnWait, 0));
    }
}
