using System.Globalization;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Supervision;

/// <summary>
/// The commands decided by the supervisor on its own state, as a client sends them: kill all, terminate
/// all, and the scheduling changes of the w, + and - keys.
/// </summary>
public sealed class SupervisorCommandsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task KillAllAsync_KillsEveryLiveWorker_AndCountsThem()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Supervisor.Spawn(WorkerSpec.Square("2"));
        h.Supervisor.Spawn(WorkerSpec.Square("3"));
        h.Os.Exit(101, WorkerExit.Exited(0));

        Assert.Equal(2, await h.Supervisor.KillAllAsync());

        Assert.Equal(
            [(new WorkerId(1), SignalCause.Request), (new WorkerId(3), SignalCause.Request)],
            h.Of<SignalSent>().Where(s => s.Signal == ProcessSignal.Kill).Select(s => (s.Worker, s.Cause)));
    }

    [Fact]
    public void KillAll_StopsThePoolsFirst_NothingReplaced_PendingInputsNeverRun()
    {
        using SupervisorHarness h = new();
        PoolId pool = h.Supervisor.StartPool(new PoolRequest([.. Enumerable.Range(1, 5).Select(n => new PoolTask(WorkerKind.Square, n.ToString(CultureInfo.InvariantCulture)))], 2, Workload.Instant));

        Assert.Equal(2, h.Supervisor.KillAll());
        h.Os.Exit(100, WorkerExit.Signaled(9, "SIGKILL"));
        h.Os.Exit(101, WorkerExit.Signaled(9, "SIGKILL"));

        Assert.Equal(2, h.Os.Processes.Count); // no replacement started
        Assert.All(h.Of<PoolWorkerReplaced>(), r => Assert.Null(r.Replacement));
        PoolFinished finished = Assert.Single(h.Of<PoolFinished>());
        Assert.Equal((pool, new PoolOutcome(0, 2, 3)), (finished.Pool, finished.Outcome));
    }

    [Fact]
    public async Task TerminateAllAsync_CompletesWhenTheyHaveEnded_WithHowManyWereAlive()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Supervisor.Spawn(WorkerSpec.Square("2"));
        h.Supervisor.Spawn(WorkerSpec.Square("3"));
        h.Os.Exit(100, WorkerExit.Exited(0));

        Task<int> all = h.Supervisor.TerminateAllAsync();
        Assert.False(all.IsCompleted);
        h.Os.Exit(101, WorkerExit.Signaled(15, "SIGTERM"));
        h.Os.Exit(102, WorkerExit.Signaled(15, "SIGTERM"));

        Assert.Equal(2, await all.WaitAsync(Bound));
        Assert.Equal([new WorkerId(2), new WorkerId(3)], h.Of<SignalSent>().Where(s => s.Signal == ProcessSignal.Terminate).Select(s => s.Worker));
    }

    [Fact]
    public void ChangeScheduling_Toggle_SwitchesTheModeKeepingTheSlots_AndASecondToggleSwitchesBack()
    {
        using SupervisorHarness h = new();
        h.Supervisor.ChangeScheduling(SchedulingChange.To(SchedulingMode.PauseOnWait, 3));

        Assert.Equal(new SchedulingOutcome(SchedulingMode.Parallel, 3, true), h.Supervisor.ChangeScheduling(SchedulingChange.Toggle));
        Assert.Equal(new SchedulingOutcome(SchedulingMode.PauseOnWait, 3, true), h.Supervisor.ChangeScheduling(SchedulingChange.Toggle));

        Assert.Equal(
            [(SchedulingMode.PauseOnWait, 3), (SchedulingMode.Parallel, 3), (SchedulingMode.PauseOnWait, 3)],
            h.Of<SchedulingChanged>().Select(c => (c.Mode, c.Slots)));
    }

    [Theory]
    [InlineData(SchedulingMode.PauseOnWait, 2, +1, 3)]
    [InlineData(SchedulingMode.PauseOnWait, 2, -1, 1)]
    [InlineData(SchedulingMode.Parallel, 1, +1, 2)] // kept for the next switch
    public void ChangeScheduling_MoveSlotsWithinTheBounds_MovesThem_InEitherMode(SchedulingMode mode, int slots, int delta, int expected)
    {
        using SupervisorHarness h = new();
        h.Supervisor.ChangeScheduling(SchedulingChange.To(mode, slots));

        SchedulingOutcome outcome = h.Supervisor.ChangeScheduling(SchedulingChange.MoveSlots(delta));

        Assert.Equal(new SchedulingOutcome(mode, expected, true), outcome);
        SchedulingChanged published = h.Of<SchedulingChanged>().Last();
        Assert.Equal((mode, expected), (published.Mode, published.Slots));
    }

    [Fact]
    public void ChangeScheduling_TwoMovesBeforeAnyoneLooks_AddUp()
    {
        using SupervisorHarness h = new(); // parallel, 1 slot

        h.Supervisor.ChangeScheduling(SchedulingChange.MoveSlots(+1));
        SchedulingOutcome outcome = h.Supervisor.ChangeScheduling(SchedulingChange.MoveSlots(+1));

        Assert.Equal(new SchedulingOutcome(SchedulingMode.Parallel, 3, true), outcome);
    }

    [Theory]
    [InlineData(1, -1)]
    [InlineData(PauseOnWaitPolicy.MaxSlots, +1)]
    public void ChangeScheduling_MoveSlotsPastABound_ChangesNothing_AndPublishesNothing(int slots, int delta)
    {
        using SupervisorHarness h = new();
        h.Supervisor.ChangeScheduling(SchedulingChange.To(SchedulingMode.PauseOnWait, slots));
        int published = h.Of<SchedulingChanged>().Count();

        SchedulingOutcome outcome = h.Supervisor.ChangeScheduling(SchedulingChange.MoveSlots(delta));

        Assert.Equal(new SchedulingOutcome(SchedulingMode.PauseOnWait, slots, false), outcome);
        Assert.Equal(published, h.Of<SchedulingChanged>().Count());
    }

    [Fact]
    public void ChangeScheduling_To_SetsTheModeAndTheSlots()
    {
        using SupervisorHarness h = new(); // parallel, 1 slot

        SchedulingOutcome outcome = h.Supervisor.ChangeScheduling(SchedulingChange.To(SchedulingMode.PauseOnWait, 4));

        Assert.Equal(new SchedulingOutcome(SchedulingMode.PauseOnWait, 4, true), outcome);
        SchedulingChanged published = Assert.Single(h.Of<SchedulingChanged>());
        Assert.Equal((SchedulingMode.PauseOnWait, 4), (published.Mode, published.Slots));
    }

    [Fact]
    public async Task ChangeSchedulingAsync_WhileShuttingDown_FaultsWithObjectDisposed_AndChangesNothing()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Dispose();

        Task<SchedulingOutcome> outcome = h.Supervisor.ChangeSchedulingAsync(SchedulingChange.Toggle);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => outcome);
        Assert.Empty(h.Of<SchedulingChanged>());
    }
}
