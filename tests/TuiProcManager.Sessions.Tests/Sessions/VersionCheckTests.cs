using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Tests.Transport;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>Peers of two major versions: each says so in one line instead of misreading the other.</summary>
public sealed class VersionCheckTests
{
    [Fact]
    public async Task Hello_ClientOfMajorTwo_FailedPreconditionNamingBothVersions()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        using GrpcChannel channel = session.OpenChannel();

        RpcException refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await new Session.SessionClient(channel).HelloAsync(new HelloRequest { Major = 2, Client = "tuiproc 9.0.0" }, cancellationToken: Bounded.Token()));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.StartsWith("this client speaks session protocol 2 (tuiproc 9.0.0), this tuiproc speaks 1 (", refused.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Status.Detail);
        SessionException translated = Assert.IsType<SessionException>(RpcFaults.Translate(refused));
        Assert.Equal(refused.Status.Detail, translated.Message);
    }

    [Fact]
    public async Task CallOfAnotherPackage_Unimplemented()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        using GrpcChannel channel = session.OpenChannel();
        Method<HelloRequest, HelloReply> helloV2 = new(
            MethodType.Unary,
            "tuiproc.session.v2.Session",
            "Hello",
            Marshallers.Create(r => r.ToByteArray(), HelloRequest.Parser.ParseFrom),
            Marshallers.Create(r => r.ToByteArray(), HelloReply.Parser.ParseFrom));

        RpcException refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await channel.CreateCallInvoker().AsyncUnaryCall(helloV2, null, new CallOptions(cancellationToken: Bounded.Token()), new HelloRequest { Major = 2 }));

        Assert.Equal(StatusCode.Unimplemented, refused.StatusCode);
    }

    [Fact]
    public async Task OpenAsync_ServerWithoutTheV1Hello_OneLineDoesNotSpeakTheProtocol()
    {
        // A server that answers UNIMPLEMENTED to v1's Hello, as one of another major version does (its
        // service is in another proto package, so v1's path is unknown to it).
        using TempSocketDirectory directory = new();
        string socket = directory.PathOf("other.sock");
        await using SessionSocketServer server = await SessionSocketServer.StartAsync(socket, new UnimplementedSessionService(), Bounded.Token());

        SessionException refused = await Assert.ThrowsAsync<SessionException>(() =>
            SessionConnection.OpenAsync(SessionChannel.ForSocket(socket), "test", Bounded.Token()));

        Assert.Equal(
            $"the session does not speak session protocol {ProtocolVersion.Major} ({ProtocolVersion.Program}): use the same tuiproc version on both sides",
            refused.Message);
        Assert.Equal(StatusCode.Unimplemented, Assert.IsType<RpcException>(refused.InnerException).StatusCode);
    }
}
