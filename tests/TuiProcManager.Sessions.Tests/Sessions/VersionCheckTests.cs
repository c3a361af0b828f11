using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Tests.Transport;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>
/// Peers of two major versions: each says so in one line naming both versions and what to do, instead of
/// misreading the other; the server refuses every call of such a client, however it says its version.
/// </summary>
public sealed class VersionCheckTests
{
    private const uint Other = ProtocolVersion.Major + 1;

    private static string ClientOfOtherMajor(string? program) =>
        $"this tuiproc speaks session protocol {Other}{(program is null ? "" : $" ({program})")}, the session's server speaks {ProtocolVersion.Major} ({ProtocolVersion.Program}): use the tuiproc that started the session";

    [Fact]
    public async Task Hello_ClientOfAnotherMajor_FailedPreconditionNamingBothVersions()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        using GrpcChannel channel = session.OpenChannel();

        RpcException refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await new Session.SessionClient(channel).HelloAsync(new HelloRequest { Major = Other, Client = "tuiproc 9.0.0 ctl" }, cancellationToken: Bounded.Token()));

        Assert.Equal((StatusCode.FailedPrecondition, ClientOfOtherMajor("tuiproc 9.0.0 ctl")), (refused.StatusCode, refused.Status.Detail));
        SessionException translated = Assert.IsType<SessionException>(RpcFaults.Translate(refused));
        Assert.Equal(refused.Status.Detail, translated.Message);
    }

    [Fact]
    public async Task Hello_SameMajorOtherRevision_Served_TheAnswerSaysTheServersVersionInItsHeader()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        using GrpcChannel channel = session.OpenChannel();
        Metadata newer = new() { { CallHeaders.Protocol, $"{ProtocolVersion.Major}.{ProtocolVersion.Revision + 7} tuiproc 9.0.0" } };

        using AsyncUnaryCall<HelloReply> hello = new Session.SessionClient(channel).HelloAsync(
            new HelloRequest { Major = ProtocolVersion.Major, Revision = ProtocolVersion.Revision + 7 }, newer, cancellationToken: Bounded.Token());

        Assert.Equal("live", (await hello.ResponseAsync).Session.Name);
        Assert.Equal(ProtocolVersion.This, PeerVersion.Parse((await hello.ResponseHeadersAsync).GetValue(CallHeaders.Protocol)));
    }

    [Fact]
    public async Task AnyCall_HeaderOfAnotherMajor_FailedPreconditionNamingBoth_TheSupervisorUntouched()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        (_, int pid) = await session.SpawnAsync();
        using GrpcChannel channel = session.OpenChannel();
        Session.SessionClient calls = new(channel);
        Metadata other = new() { { CallHeaders.Protocol, $"{Other}.0 tuiproc 9.0.0" } };

        RpcException kill = await Assert.ThrowsAsync<RpcException>(async () =>
            await calls.KillAsync(new KillRequest { Worker = 1 }, other, cancellationToken: Bounded.Token()));
        using AsyncServerStreamingCall<EventBatch> watch = calls.Watch(new WatchRequest(), other, cancellationToken: Bounded.Token());
        RpcException watched = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(Bounded.Token()));

        Assert.All([kill, watched], e => Assert.Equal((StatusCode.FailedPrecondition, ClientOfOtherMajor("tuiproc 9.0.0")), (e.StatusCode, e.Status.Detail)));
        Assert.Empty(session.GroupSignalsTo(pid));
    }

    [Fact]
    public async Task CallOfAnotherPackage_UnimplementedNamingBothVersions_WithTheServersHeader()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        using GrpcChannel channel = session.OpenChannel();

        RpcException refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await channel.CreateCallInvoker().AsyncUnaryCall(HelloOf(Other), null, new CallOptions(cancellationToken: Bounded.Token()), new HelloRequest { Major = Other }));

        Assert.Equal((StatusCode.Unimplemented, ClientOfOtherMajor(null)), (refused.StatusCode, refused.Status.Detail));
        Assert.Equal(ProtocolVersion.This, PeerVersion.Parse(refused.Trailers.GetValue(CallHeaders.Protocol)));
    }

    [Fact]
    public async Task CallOfAnotherPackage_AnotherUser_BareUnimplemented_NothingSaid()
    {
        using TempSocketDirectory directory = new();
        await using SessionSocketServer server = await SessionSocketServer.StartAsync(
            directory.PathOf("s.sock"), new TestSessionService(), new SessionSocketServerOptions { AllowedUid = OwnUser.Uid + 1 }, Bounded.Token());
        using GrpcChannel channel = SessionChannel.ForSocket(server.SocketPath);

        RpcException refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await channel.CreateCallInvoker().AsyncUnaryCall(HelloOf(Other), null, new CallOptions(cancellationToken: Bounded.Token()), new HelloRequest { Major = Other }));

        Assert.Equal(StatusCode.Unimplemented, refused.StatusCode);
        Assert.DoesNotContain("protocol", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Null(refused.Trailers.GetValue(CallHeaders.Protocol));
    }

    [Fact]
    public async Task OpenAsync_ServerAnsweringUnimplementedWithItsVersion_OneLineNamingBoth()
    {
        // A server of another major version: its service is in another proto package, so v1's Hello is
        // unknown to it; the version header of its answer says which one it speaks.
        using TempSocketDirectory directory = new();
        string socket = directory.PathOf("other.sock");
        await using SessionSocketServer server = await SessionSocketServer.StartAsync(socket, new UnimplementedSessionService($"{Other}.0 tuiproc 9.0.0"), Bounded.Token());

        SessionException refused = await Assert.ThrowsAsync<SessionException>(() =>
            SessionConnection.OpenAsync(SessionChannel.ForSocket(socket), "test", Bounded.Token()));

        Assert.Equal(
            $"this tuiproc speaks session protocol {ProtocolVersion.Major} ({ProtocolVersion.Program}), the session's server speaks {Other} (tuiproc 9.0.0): use the tuiproc that started the session",
            refused.Message);
        Assert.Equal(StatusCode.Unimplemented, Assert.IsType<RpcException>(refused.InnerException).StatusCode);
    }

    [Fact]
    public async Task OpenAsync_ServerAnsweringUnimplementedWithoutAVersion_OneLineSayingSo()
    {
        using TempSocketDirectory directory = new();
        string socket = directory.PathOf("other.sock");
        await using SessionSocketServer server = await SessionSocketServer.StartAsync(socket, new UnimplementedSessionService(null), Bounded.Token());

        SessionException refused = await Assert.ThrowsAsync<SessionException>(() =>
            SessionConnection.OpenAsync(SessionChannel.ForSocket(socket), "test", Bounded.Token()));

        Assert.Equal(
            $"this tuiproc speaks session protocol {ProtocolVersion.Major} ({ProtocolVersion.Program}), the session's server does not (it knows no call of it): use the tuiproc that started the session",
            refused.Message);
    }

    private static Method<HelloRequest, HelloReply> HelloOf(uint major) => new(
        MethodType.Unary,
        $"tuiproc.session.v{major}.Session",
        "Hello",
        Marshallers.Create(r => r.ToByteArray(), HelloRequest.Parser.ParseFrom),
        Marshallers.Create(r => r.ToByteArray(), HelloReply.Parser.ParseFrom));
}
