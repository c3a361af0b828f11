using Grpc.Core;
using Grpc.Net.Client;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Tests.Sessions;
using TuiProcManager.Sessions.Tests.Transport;

namespace TuiProcManager.Sessions.Tests.Server;

/// <summary>
/// The session tells its supervisor whether anyone watches (unwatched, its state polls may rest): nobody
/// at the start, a following client while it is attached, nobody again once the last has left.
/// </summary>
public sealed class AttachedClientsTests
{
    [Fact]
    public async Task Watched_OnlyWhileAFollowingClientIsAttached()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        using GrpcChannel channel = session.OpenChannel();
        Session.SessionClient calls = new(channel);
        Assert.False(session.Supervisor.IsWatched);

        using (AsyncServerStreamingCall<EventBatch> snapshot = calls.Watch(new WatchRequest { Follow = false }, cancellationToken: Bounded.Token()))
        {
            while (await snapshot.ResponseStream.MoveNext(Bounded.Token()))
            {
            }
        }

        Assert.False(session.Supervisor.IsWatched); // a snapshot (ctl ps) is not a client that stays

        using CancellationTokenSource first = new(), second = new();
        using AsyncServerStreamingCall<EventBatch> one = calls.Watch(new WatchRequest { Follow = true }, cancellationToken: first.Token);
        using AsyncServerStreamingCall<EventBatch> two = calls.Watch(new WatchRequest { Follow = true }, cancellationToken: second.Token);
        Assert.True(await one.ResponseStream.MoveNext(Bounded.Token()));
        Assert.True(await two.ResponseStream.MoveNext(Bounded.Token()));
        Assert.True(session.Supervisor.IsWatched);

        await first.CancelAsync();
        await Poll.UntilAsync(() => session.Linger.Clients == 1, "the first client gone");
        Assert.True(session.Supervisor.IsWatched);

        await second.CancelAsync();
        await Poll.UntilAsync(() => !session.Supervisor.IsWatched, "nobody watching once the last client left");
    }
}
