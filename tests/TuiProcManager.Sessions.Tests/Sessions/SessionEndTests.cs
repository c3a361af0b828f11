using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Sessions.Client;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>End (<c>tuiproc ctl end</c>): the live workers are terminated, the reply counts them, then the session is ended once.</summary>
public sealed class SessionEndTests
{
    [Fact]
    public async Task EndAsync_TwoAliveOneEnded_TerminatesTheTwo_CountsThem_EndsOnce()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        SessionConnection connection = await session.ConnectAsync();
        (_, int ended) = await session.SpawnAsync("1");
        (_, int second) = await session.SpawnAsync("2");
        (_, int third) = await session.SpawnAsync("3");
        session.Os.Exit(ended, WorkerExit.Exited(0));

        Task<TuiProcManager.Protocol.V1.EndReply> ending = connection.EndAsync(TimeSpan.FromMinutes(5));
        await session.ExitWhenSignalledAsync(second, ProcessSignal.Terminate, WorkerExit.Signaled(15, "SIGTERM"));
        Assert.False(ending.IsCompleted); // the reply waits for every worker to end
        await session.ExitWhenSignalledAsync(third, ProcessSignal.Terminate, WorkerExit.Exited(0));

        Assert.Equal(2, (await Poll.Bounded(ending)).Terminated);
        await Poll.UntilAsync(() => session.EndCalls > 0, "the session ended");
        Assert.Equal(1, session.EndCalls);
        Assert.Empty(session.GroupSignalsTo(ended));
        Assert.All(session.Supervisor.Snapshot(), w => Assert.Equal(WorkerState.Ended, w.State));
    }

    [Fact]
    public async Task EndAsync_NoWorkerAlive_RepliesZero_EndsOnce()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        SessionConnection connection = await session.ConnectAsync();

        Assert.Equal(0, (await Poll.Bounded(connection.EndAsync())).Terminated);
        await Poll.UntilAsync(() => session.EndCalls > 0, "the session ended");
        Assert.Equal(1, session.EndCalls);
    }
}

