using Grpc.Core;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Tests.Transport;
using WorkerExit = TuiProcManager.Core.Workers.WorkerExit;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>ctl's pause and resume (PauseRequest with a Want): a worker already as asked is refused, not toggled back.</summary>
public sealed class ExplicitPauseTests
{
    [Fact]
    public async Task Pause_Twice_SecondRefusedAsAlreadyPaused_AndNoSecondSignal()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        SessionConnection connection = await session.ConnectAsync();
        (WorkerId worker, int pid) = await session.SpawnAsync();
        PauseRequest pause = new() { Worker = worker.Value, Want = PauseRequest.Types.Want.Pause };

        PauseReply first = await connection.Calls.PauseAsync(pause, cancellationToken: Bounded.Token());
        RpcException second = await Assert.ThrowsAsync<RpcException>(async () => await connection.Calls.PauseAsync(pause, cancellationToken: Bounded.Token()));

        Assert.Equal(PauseReply.Types.Outcome.Paused, first.Outcome);
        Assert.Equal(StatusCode.FailedPrecondition, second.StatusCode);
        SessionException refused = Assert.IsType<SessionException>(RpcFaults.Translate(second));
        Assert.True(refused.Refused);
        Assert.Equal("worker 1 is already paused", refused.Message);
        Assert.Equal([ProcessSignal.Stop], session.GroupSignalsTo(pid));
    }

    [Fact]
    public async Task Resume_NotPaused_RefusedThenPausedWorkerResumes()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        SessionConnection connection = await session.ConnectAsync();
        (WorkerId worker, int pid) = await session.SpawnAsync();
        PauseRequest resume = new() { Worker = worker.Value, Want = PauseRequest.Types.Want.Resume };

        RpcException refused = await Assert.ThrowsAsync<RpcException>(async () => await connection.Calls.PauseAsync(resume, cancellationToken: Bounded.Token()));
        await connection.Calls.PauseAsync(new PauseRequest { Worker = worker.Value, Want = PauseRequest.Types.Want.Pause }, cancellationToken: Bounded.Token());
        PauseReply resumed = await connection.Calls.PauseAsync(resume, cancellationToken: Bounded.Token());

        Assert.Equal((StatusCode.FailedPrecondition, "worker 1 is not paused"), (refused.StatusCode, refused.Status.Detail));
        Assert.Equal(PauseReply.Types.Outcome.Resumed, resumed.Outcome);
        Assert.Equal([ProcessSignal.Stop, ProcessSignal.Continue], session.GroupSignalsTo(pid));
    }

    [Fact]
    public async Task Pause_EndedWorker_RefusedAsEnded()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        SessionConnection connection = await session.ConnectAsync();
        (WorkerId worker, int pid) = await session.SpawnAsync();
        session.Os.Exit(pid, WorkerExit.Exited(0));

        RpcException refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await connection.Calls.PauseAsync(new PauseRequest { Worker = worker.Value, Want = PauseRequest.Types.Want.Pause }, cancellationToken: Bounded.Token()));

        Assert.Equal((StatusCode.FailedPrecondition, "worker 1 has ended"), (refused.StatusCode, refused.Status.Detail));
    }
}
