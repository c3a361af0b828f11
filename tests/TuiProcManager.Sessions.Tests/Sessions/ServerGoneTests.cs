using System.Reactive.Concurrency;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>
/// A screen's stream when the session goes under it: a supervisor that completed its streams ends the
/// screen with OnCompleted; a server that stopped serving ends it with OnError(SessionException) in one line.
/// </summary>
public sealed class ServerGoneTests
{
    [Fact]
    public async Task ScreenBatches_SupervisorDisposed_OnCompleted()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        EventRecorder screen = await AttachedScreenAsync(session);

        await Poll.Bounded(session.Supervisor.DisposeAsync().AsTask());

        Assert.Null(await Poll.Bounded(screen.Ended));
        Assert.Equal(1, screen.Endings);
    }

    [Fact]
    public async Task ScreenBatches_SocketServerStopped_OnErrorSessionExceptionInOneLine()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        EventRecorder screen = await AttachedScreenAsync(session);

        // The stream never ends by itself: the server waits its shutdown grace, then aborts the connection.
        await Poll.Bounded(session.Server.DisposeAsync().AsTask());

        SessionException error = Assert.IsType<SessionException>(await Poll.Bounded(screen.Ended));
        Assert.Equal(ConnectionProblem.ServerWentAway, error.Message);
        Assert.False(error.Refused);
        Assert.Equal(1, screen.Endings);
    }

    private static async Task<EventRecorder> AttachedScreenAsync(LiveSession session)
    {
        SessionConnection connection = await session.ConnectAsync();
        EventRecorder screen = new();
        _ = connection.Supervisor.ScreenBatches(ScreenPacing.Default, ImmediateScheduler.Instance).Subscribe(screen); // disposed with the connection
        await Poll.UntilAsync(() => screen.Batches.Count > 0, "the screen's first batch");
        return screen;
    }
}
