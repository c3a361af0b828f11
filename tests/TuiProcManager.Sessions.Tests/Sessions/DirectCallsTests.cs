using Grpc.Core;
using Grpc.Net.Client;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Tests.Transport;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>
/// The first calls made on Grpc.Net.Client's invoker directly (DirectCalls): with the pinned Grpc.Net.Client
/// they are direct (a version that renamed its invoker would fail here, not silently go slow), they answer
/// as the generated client's calls do, and they carry the protocol-version header every call carries
/// (the first version of them did not: they skipped the interceptor that adds it).
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

        Assert.True(direct.AreDirect);
        using AsyncUnaryCall<HelloReply> directCall = direct.Hello(hello, Bounded.Token());
        HelloReply directly = await directCall;
        HelloReply generically = await generated.HelloAsync(hello, cancellationToken: Bounded.Token());
        Assert.Equal(generically.Major, directly.Major);
        Assert.Equal(generically.Session.Name, directly.Session.Name);
        Assert.Equal(ProtocolVersion.This, PeerVersion.Parse((await directCall.ResponseHeadersAsync).GetValue(CallHeaders.Protocol)));

        using AsyncServerStreamingCall<EventBatch> watch = direct.Watch(new WatchRequest { Start = WatchRequest.Types.Start.Snapshot, Follow = false }, Bounded.Token());
        Assert.True(await watch.ResponseStream.MoveNext(Bounded.Token()));
        Assert.Equal(Event.KindOneofCase.Snapshot, watch.ResponseStream.Current.Events[0].KindCase);
    }

    [Fact]
    public async Task OpenAndSnapshot_EveryCallCarriesTheVersionHeader()
    {
        using TempSocketDirectory directory = new();
        HeaderRecordingSessionService service = new();
        await using SessionSocketServer server = await SessionSocketServer.StartAsync(directory.PathOf("h.sock"), service, Bounded.Token());

        await using SessionConnection connection = await SessionConnection.OpenAsync(SessionChannel.ForSocket(server.SocketPath), "test", Bounded.Token());
        _ = await connection.SnapshotAsync().WaitAsync(Bounded.Token());

        Assert.Equal([("Hello", ProtocolVersion.This.Header), ("Watch", ProtocolVersion.This.Header)], service.Calls);
    }
}
