using TuiProcManager.Core.Events;
using TuiProcManager.Core.Tests.TestSupport;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Supervision;

public sealed class SupervisorJoinTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Join_WorkerEnds_ReturnsItsExitAndPublishesJoined()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("10"));

        Task<WorkerExit?> join = h.Supervisor.JoinAsync(id);
        Assert.False(join.IsCompleted); // waiting does not block the caller
        h.Os.Exit(100, WorkerExit.Exited(0));

        WorkerExit? exit = await join.WaitAsync(Bound);
        Assert.True(exit!.Succeeded);
        Assert.Equal(id, Assert.Single(h.Of<JoinStarted>()).Worker);
        WorkerJoined joined = Assert.Single(h.Of<WorkerJoined>());
        Assert.Equal(JoinOutcome.Ended, joined.Outcome);
        Assert.True(h.Supervisor.Snapshot()[0].Joined);
    }

    [Fact]
    public async Task Join_TimeoutFirst_ReturnsNullOnVirtualTime_WorkerStillAlive()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("10"));

        Task<WorkerExit?> join = h.Supervisor.JoinAsync(id, TimeSpan.FromSeconds(2));
        h.Advance(TimeSpan.FromSeconds(2));

        Assert.Null(await join.WaitAsync(Bound));
        Assert.Equal(JoinOutcome.TimedOut, Assert.Single(h.Of<WorkerJoined>()).Outcome);
        Assert.False(h.Supervisor.Snapshot()[0].Joined);
        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(h.Of<JoinStarted>()).Timeout);
    }

    [Fact]
    public async Task Join_EndedWorker_ReturnsAtOnce()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("10"));
        h.Os.Exit(100, WorkerExit.Exited(3));

        Task<WorkerExit?> join = h.Supervisor.JoinAsync(id, TimeSpan.Zero);

        Assert.Equal(3, (await join.WaitAsync(Bound))!.Code);
    }

    [Fact]
    public async Task Join_Cancelled_ThrowsAndPublishesCancelled()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("10"));
        using CancellationTokenSource cancel = new();

        Task<WorkerExit?> join = h.Supervisor.JoinAsync(id, cancellationToken: cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => join.WaitAsync(Bound));
        Assert.Equal(JoinOutcome.Cancelled, Assert.Single(h.Of<WorkerJoined>()).Outcome);
    }

    [Fact]
    public async Task JoinAll_EveryWorkerEnds_True()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("10"));
        h.Supervisor.Spawn(WorkerSpec.Cube("10"));

        Task<bool> all = h.Supervisor.JoinAllAsync();
        h.Os.Exit(101, WorkerExit.Exited(0));
        Assert.False(all.IsCompleted);
        h.Os.Exit(100, WorkerExit.Exited(0));

        Assert.True(await all.WaitAsync(Bound));
        Assert.Equal(2, h.Of<WorkerJoined>().Count());
    }

    [Fact]
    public async Task JoinAll_OneOutlivesTheTimeout_False()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("10"));
        h.Supervisor.Spawn(WorkerSpec.Cube("10"));
        h.Os.Exit(100, WorkerExit.Exited(0));

        Task<bool> all = h.Supervisor.JoinAllAsync(TimeSpan.FromSeconds(1));
        h.Advance(TimeSpan.FromSeconds(1));

        Assert.False(await all.WaitAsync(Bound));
        Assert.Equal(
            [JoinOutcome.Ended, JoinOutcome.TimedOut],
            h.Of<WorkerJoined>().OrderBy(j => j.Worker).Select(j => j.Outcome));
    }
}
