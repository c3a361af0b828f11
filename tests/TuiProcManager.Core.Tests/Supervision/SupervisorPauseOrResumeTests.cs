using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Supervision;

/// <summary>The p key's decision, taken by the supervisor on its own state: pause the worker, or resume it.</summary>
public sealed class SupervisorPauseOrResumeTests
{
    /// <summary>Longer than the state poll (50 ms): what the OS says has been read by then.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(60);

    [Fact]
    public void PauseOrResume_RunningWorker_PausesIt()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Os.Set(100, OsProcessState.Running);
        h.Advance(Poll);

        Assert.Equal(PauseOutcome.Paused, h.Supervisor.PauseOrResume(id));

        Assert.Equal([(id, ProcessSignal.Stop, SignalCause.Request)], Signals(h));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PauseOrResume_PausedByTheUser_ResumesIt_BeforeOrAfterAPollHasSeenThePause(bool pollBetween)
    {
        // Without a poll between: a quick second p, while the last reading still says "running".
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Os.Set(100, OsProcessState.Running);
        h.Advance(Poll);
        Assert.Equal(PauseOutcome.Paused, h.Supervisor.PauseOrResume(id));
        if (pollBetween)
        {
            h.Os.Set(100, OsProcessState.Stopped);
            h.Advance(Poll);
            Assert.Equal(WorkerState.Paused, h.Of<WorkerStateChanged>().Last().To);
        }

        Assert.Equal(PauseOutcome.Resumed, h.Supervisor.PauseOrResume(id));

        Assert.Equal(
            [(id, ProcessSignal.Stop, SignalCause.Request), (id, ProcessSignal.Continue, SignalCause.Request)],
            Signals(h));
    }

    [Fact]
    public void PauseOrResume_StoppedFromOutside_ResumesIt()
    {
        // kill -STOP from another shell: the OS says stopped, and neither the user nor the scheduler did it.
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Os.Set(100, OsProcessState.Stopped);
        h.Advance(Poll);
        Assert.Equal(WorkerState.Paused, h.Of<WorkerStateChanged>().Last().To);

        Assert.Equal(PauseOutcome.Resumed, h.Supervisor.PauseOrResume(id));

        Assert.Equal([(id, ProcessSignal.Continue, SignalCause.Request)], Signals(h));
    }

    [Fact]
    public void PauseOrResume_QueuedInPauseOnWait_PausesIt_ItLeavesTheQueue_AndAFreeSlotDoesNotContinueIt()
    {
        // Stopped by the scheduler looks paused to the OS: taking it for the user's pause would "resume" it,
        // which the scheduler ignores, so p did nothing.
        using SupervisorHarness h = new();
        h.Supervisor.ChangeScheduling(SchedulingChange.To(SchedulingMode.PauseOnWait, 1));
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        WorkerId queued = h.Supervisor.Spawn(WorkerSpec.Square("2"));
        h.Os.Set(100, OsProcessState.Running);
        h.Os.Set(101, OsProcessState.Stopped);
        h.Advance(Poll);
        Assert.Equal(WorkerState.Paused, h.Of<WorkerStateChanged>().Last(c => c.Worker == queued).To);

        Assert.Equal(PauseOutcome.Paused, h.Supervisor.PauseOrResume(queued));

        Assert.Equal(
            [(queued, ProcessSignal.Stop, SignalCause.Scheduler), (queued, ProcessSignal.Stop, SignalCause.Request)],
            Signals(h));
        Assert.Equal(SlotChange.Left, h.Of<WorkerScheduled>().Last(e => e.Worker == queued).Change);
        h.Os.Set(100, OsProcessState.Sleeping); // the slot frees
        h.Advance(Poll);
        Assert.DoesNotContain(Signals(h), s => s.Signal == ProcessSignal.Continue);
    }

    [Fact]
    public void PauseOrResume_EndedWorker_SaysSo_AndSendsNothing()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Os.Exit(100, WorkerExit.Exited(0));

        Assert.Equal(PauseOutcome.Ended, h.Supervisor.PauseOrResume(id));

        Assert.Empty(h.Of<SignalSent>());
    }

    [Fact]
    public async Task PauseOrResumeAsync_UnknownWorker_FaultsTheTaskWithArgumentException()
    {
        using SupervisorHarness h = new();

        Task<PauseOutcome> outcome = h.Supervisor.PauseOrResumeAsync(new WorkerId(7));

        Assert.True(outcome.IsFaulted); // decided at once, refused in the task, not thrown at the caller
        await Assert.ThrowsAnyAsync<ArgumentException>(() => outcome);
    }

    private static (WorkerId Worker, ProcessSignal Signal, SignalCause Cause)[] Signals(SupervisorHarness h) =>
        [.. h.Of<SignalSent>().Select(s => (s.Worker, s.Signal, s.Cause))];
}
