using Grpc.Core;
using Grpc.Net.Client;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Tests.Transport;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>
/// The first calls made on Grpc.Net.Client's invoker directly (DirectCalls): with the pinned Grpc.Net.Client
/// they are direct (a version that renamed its invoker would fail here, not silently go slow), and they
/// answer as the generated client's calls do.
/// </summary>
public sealed class DirectCallsTests
{
    [Fact]
    public async Task HelloAndWatch_MadeDirectly_AnswerAsTheGeneratedClient()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        using GrpcChannel channel = session.OpenChannel();
        Session.SessionClient generated = new(channel);
        DirectCalls direct = new(channel, generated);
        HelloRequest hello = new() { Major = ProtocolVersion.Major, Revision = ProtocolVersion.Revision, Client = "tuiproc test" };
        CallOptions options = new(cancellationToken: Bounded.Token());

        Assert.True(direct.AreDirect);
        HelloReply directly = await direct.Hello(hello, options);
        HelloReply generically = await generated.HelloAsync(hello, options);
        Assert.Equal(generically.Major, directly.Major);
        Assert.Equal(generically.Session.Name, directly.Session.Name);

        using AsyncServerStreamingCall<EventBatch> watch = direct.Watch(new WatchRequest { Start = WatchRequest.Types.Start.Snapshot, Follow = false }, options);
        Assert.True(await watch.ResponseStream.MoveNext(Bounded.Token()));
        Assert.Equal(Event.KindOneofCase.Snapshot, watch.ResponseStream.Current.Events[0].KindCase);
    }
}
