using System.Collections.Immutable;
using NSubstitute;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Sessions.Client;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>Every command of <see cref="ISupervisor"/> through a real socket, decided by the server's supervisor on a fake OS.</summary>
public sealed class RemoteSupervisorCommandsTests
{
    private static readonly TimeSpan LongGrace = TimeSpan.FromMinutes(5); // never reached: the fake process is ended first

    [Fact]
    public async Task SpawnAsync_TwoWorkers_GetIdsOneAndTwo()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        RemoteSupervisor remote = (await session.ConnectAsync()).Supervisor;

        WorkerId first = await remote.SpawnAsync(WorkerSpec.Square("3"));
        WorkerId second = await remote.SpawnAsync(WorkerSpec.Cube("4"));

        Assert.Equal((new WorkerId(1), new WorkerId(2)), (first, second));
        Assert.Equal(["square 3", "cube 4"], session.Supervisor.Snapshot().Select(w => w.Spec.DisplayName));
    }

    [Fact]
    public async Task PauseOrResumeAsync_Twice_StopsThenContinuesTheProcessGroup()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        RemoteSupervisor remote = (await session.ConnectAsync()).Supervisor;
        (WorkerId worker, int pid) = await session.SpawnAsync();

        Assert.Equal(PauseOutcome.Paused, await remote.PauseOrResumeAsync(worker));
        Assert.Equal([ProcessSignal.Stop], session.GroupSignalsTo(pid));
        Assert.Equal(PauseOutcome.Resumed, await remote.PauseOrResumeAsync(worker));
        Assert.Equal([ProcessSignal.Stop, ProcessSignal.Continue], session.GroupSignalsTo(pid));
    }

    [Fact]
    public async Task KillAsync_LiveThenEnded_SendsSigkillOnceThenSaysFalse()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        RemoteSupervisor remote = (await session.ConnectAsync()).Supervisor;
        (WorkerId worker, int pid) = await session.SpawnAsync();

        Assert.True(await remote.KillAsync(worker));
        Assert.Equal([ProcessSignal.Kill], session.GroupSignalsTo(pid));
        session.Os.Exit(pid, WorkerExit.Signaled(9, "SIGKILL"));
        Assert.False(await remote.KillAsync(worker));
    }

    [Fact]
    public async Task TerminateAsync_ProcessEndsOnSigterm_ReturnsItsExit()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        RemoteSupervisor remote = (await session.ConnectAsync()).Supervisor;
        (WorkerId worker, int pid) = await session.SpawnAsync();

        Task<WorkerExit> terminating = remote.TerminateAsync(worker, LongGrace);
        await session.ExitWhenSignalledAsync(pid, ProcessSignal.Terminate, WorkerExit.Signaled(15, "SIGTERM"));

        Assert.Equal(WorkerExit.Signaled(15, "SIGTERM"), await Poll.Bounded(terminating));
    }

    [Fact]
    public async Task JoinAsync_TimeoutBeforeTheEnd_IsNull_AfterTheEnd_IsTheExit()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        RemoteSupervisor remote = (await session.ConnectAsync()).Supervisor;
        (WorkerId worker, int pid) = await session.SpawnAsync();

        Assert.Null(await Poll.Bounded(remote.JoinAsync(worker, TimeSpan.FromMilliseconds(20))));
        Task<WorkerExit?> joining = remote.JoinAsync(worker);
        session.Os.Exit(pid, WorkerExit.Exited(0));

        Assert.Equal(WorkerExit.Exited(0), await Poll.Bounded(joining));
        Assert.Equal(WorkerExit.Exited(0), await Poll.Bounded(remote.JoinAsync(worker, TimeSpan.Zero)));
    }

    [Fact]
    public async Task JoinAllAsync_OneStillAlive_False_AllEnded_True()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        RemoteSupervisor remote = (await session.ConnectAsync()).Supervisor;
        (_, int first) = await session.SpawnAsync("1");
        (_, int second) = await session.SpawnAsync("2");
        session.Os.Exit(first, WorkerExit.Exited(0));

        Assert.False(await Poll.Bounded(remote.JoinAllAsync(TimeSpan.FromMilliseconds(20))));
        session.Os.Exit(second, WorkerExit.Exited(1));
        Assert.True(await Poll.Bounded(remote.JoinAllAsync()));
    }

    [Fact]
    public async Task ChangeSchedulingAsync_ToPauseOnWaitThenTheSame_ChangedThenNot()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        RemoteSupervisor remote = (await session.ConnectAsync()).Supervisor;

        SchedulingOutcome first = await remote.ChangeSchedulingAsync(SchedulingChange.To(SchedulingMode.PauseOnWait, 2));
        SchedulingOutcome again = await remote.ChangeSchedulingAsync(SchedulingChange.To(SchedulingMode.PauseOnWait, 2));
        SchedulingOutcome toggled = await remote.ChangeSchedulingAsync(SchedulingChange.Toggle);

        Assert.Equal(new SchedulingOutcome(SchedulingMode.PauseOnWait, 2, true), first);
        Assert.Equal(new SchedulingOutcome(SchedulingMode.PauseOnWait, 2, false), again);
        Assert.Equal(new SchedulingOutcome(SchedulingMode.Parallel, 2, true), toggled);
        Assert.Equal((SchedulingMode.Parallel, 2), session.Supervisor.Scheduling);
    }

    [Fact]
    public async Task StartPoolAsync_OneInput_RunsOnAPoolWorkerAndJoinsWithItsOutcome()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        RemoteSupervisor remote = (await session.ConnectAsync()).Supervisor;

        PoolId pool = await remote.StartPoolAsync(new PoolRequest([new PoolTask(WorkerKind.Square, "3")], 1, Workload.Instant));
        Task<PoolOutcome> joining = remote.JoinPoolAsync(pool);
        int pid = Assert.Single(session.Os.Processes.Keys);
        Assert.Equal("square 3\n", session.Os.InputOf(pid));
        session.Os.Results(pid, "ok square 3 9");
        await Poll.UntilAsync(
            () => session.Os.HandleOf(pid).ReceivedCalls().Any(c => c.GetMethodInfo().Name == nameof(IProcessHandle.CloseInput)),
            "the pool to close its worker's stdin");
        session.Os.Exit(pid, WorkerExit.Exited(0)); // its stdin closed, a pool worker ends by itself

        Assert.Equal(new PoolId(1), pool);
        Assert.Equal(new PoolOutcome(1, 0, 0), await Poll.Bounded(joining));
    }

    [Fact]
    public async Task Commands_UnknownWorker_ArgumentExceptionInOneLine()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        RemoteSupervisor remote = (await session.ConnectAsync()).Supervisor;

        ArgumentException pause = await Assert.ThrowsAsync<ArgumentException>(() => remote.PauseOrResumeAsync(new WorkerId(9)));
        ArgumentException kill = await Assert.ThrowsAsync<ArgumentException>(() => remote.KillAsync(new WorkerId(9)));
        ArgumentException join = await Assert.ThrowsAsync<ArgumentException>(() => remote.JoinAsync(new WorkerId(9)));

        foreach (ArgumentException e in new[] { pause, kill, join })
        {
            Assert.Equal("There is no worker 9.", e.Message);
            Assert.DoesNotContain('\n', e.Message);
            Assert.DoesNotContain("(Parameter", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SpawnAsync_SupervisorDisposed_ObjectDisposedException()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        RemoteSupervisor remote = (await session.ConnectAsync()).Supervisor;
        session.Supervisor.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => remote.SpawnAsync(WorkerSpec.Square("2")));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => remote.StartPoolAsync(new PoolRequest(ImmutableArray.Create(new PoolTask(WorkerKind.Cube, "2")), 1, Workload.Instant)));
    }
}
