using System.Reactive.Concurrency;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Workers;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Server;
using WorkerExit = TuiProcManager.Core.Workers.WorkerExit;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>Hello and Status: the session as <c>tuiproc ls</c> shows it (workers, clients, when it ends unattended).</summary>
public sealed class SessionStatusTests
{
    [Fact]
    public async Task Hello_TwoSpawnedOneEnded_CountsWorkersAndAliveAndSaysTheVersions()
    {
        await using LiveSession session = await LiveSession.StartAsync(linger: TimeSpan.FromHours(2));
        (_, int first) = await session.SpawnAsync("1");
        await session.SpawnAsync("2");
        session.Os.Exit(first, WorkerExit.Exited(0));
        await Poll.UntilAsync(() => session.History.Spawned == 2 && session.History.Alive == 1, "the history to count both workers");

        SessionConnection connection = await session.ConnectAsync();

        HelloReply hello = connection.Hello;
        Assert.Equal((ProtocolVersion.Major, ProtocolVersion.Revision, ProtocolVersion.Program), (hello.Major, hello.Revision, hello.Server));
        Assert.Equal(("live", Environment.ProcessId), (hello.Session.Name, hello.Session.ServerPid));
        Assert.Equal((2, 1, 0), (hello.Session.Workers, hello.Session.WorkersAlive, hello.Session.Clients));
        Assert.Equal(TimeSpan.FromHours(2), hello.Session.Linger.ToTimeSpan());
        Assert.NotNull(hello.Session.EndsAt); // nobody attached, a worker alive: the linger counts
        Assert.InRange(hello.Session.EndsAt.ToDateTimeOffset() - hello.Session.Now.ToDateTimeOffset(), TimeSpan.FromHours(1), TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task Status_FollowerAttachedThenItsConnectionClosed_ClientsOneThenZero()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        SessionConnection asking = await session.ConnectAsync("asking");
        SessionConnection following = await session.ConnectAsync("following");
        EventRecorder follower = new();
        SessionStatus before = await asking.StatusAsync();

        using IDisposable subscription = following.Supervisor.LosslessEvents("follower", ImmediateScheduler.Instance).Subscribe(follower);
        await Poll.UntilAsync(async () => (await asking.StatusAsync()).Clients == 1, "the follower counted");
        SessionStatus attached = await asking.StatusAsync();
        await following.DisposeAsync();
        await Poll.UntilAsync(async () => (await asking.StatusAsync()).Clients == 0, "the follower's leaving counted");
        SessionStatus left = await asking.StatusAsync();

        Assert.Equal(0, before.Clients);
        Assert.NotNull(before.EndsAt); // nobody attached, no worker: the idle limit counts
        Assert.Null(attached.EndsAt);
        Assert.NotNull(left.EndsAt);
        Assert.InRange(left.EndsAt.ToDateTimeOffset() - left.Now.ToDateTimeOffset(), TimeSpan.Zero, SessionLinger.IdleLimit);
    }

    [Fact]
    public async Task Status_ScreenSubscriptionDisposed_ClientsBackToZero()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        SessionConnection connection = await session.ConnectAsync();
        EventRecorder screen = new();

        IDisposable subscription = connection.Supervisor.ScreenBatches(ScreenPacing.Default, ImmediateScheduler.Instance).Subscribe(screen);
        await Poll.UntilAsync(async () => (await connection.StatusAsync()).Clients == 1, "the screen counted");
        subscription.Dispose();

        await Poll.UntilAsync(async () => (await connection.StatusAsync()).Clients == 0, "the screen's leaving counted");
        Assert.Equal(0, session.Linger.Clients);
    }

    [Fact]
    public async Task SnapshotAsync_IsNotAClient_AndHoldsEveryWorker()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        SessionConnection connection = await session.ConnectAsync();
        await session.SpawnAsync("1");
        await session.SpawnAsync("2");

        Core.Events.SupervisorSnapshot snapshot = await Poll.Bounded(connection.SnapshotAsync());

        Assert.Equal([1, 2], snapshot.Workers.Select(w => w.Worker.Value));
        Assert.Equal(0, (await connection.StatusAsync()).Clients);
    }
}
