using Grpc.Core;
using Grpc.Net.Client;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Tests.Transport;

/// <summary>
/// Another user's calls, simulated by a server that allows a uid other than ours: whatever the kind of call,
/// the answer is PERMISSION_DENIED naming both users.
/// </summary>
public sealed class PeerAccessTests : IDisposable
{
    private readonly TempSocketDirectory directory = new();
    private readonly uint owner = OwnUser.Uid + 1;

    private string ExpectedRefusal =>
        $"this session belongs to {UserNames.Describe(owner)}; you are {UserNames.Describe(OwnUser.Uid)}";

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Unary_AnotherUser_PermissionDeniedNamingBoth()
    {
        await using SessionSocketServer server = await StartServerOfAnotherUserAsync();
        using GrpcChannel channel = SessionChannel.ForSocket(server.SocketPath);

        RpcException refused = await Assert.ThrowsAsync<RpcException>(
            () => new Session.SessionClient(channel).HelloAsync(new HelloRequest(), cancellationToken: Bounded.Token()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(ExpectedRefusal, refused.Status.Detail);
        Assert.Equal(ExpectedRefusal, ConnectionProblem.Describe(refused));
    }

    [Fact]
    public async Task ServerStream_AnotherUser_PermissionDeniedBeforeAnyEvent()
    {
        await using SessionSocketServer server = await StartServerOfAnotherUserAsync();
        using GrpcChannel channel = SessionChannel.ForSocket(server.SocketPath);
        using AsyncServerStreamingCall<EventBatch> watch = new Session.SessionClient(channel).Watch(new WatchRequest { Follow = true }, cancellationToken: Bounded.Token());

        RpcException refused = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(Bounded.Token()));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(ExpectedRefusal, refused.Status.Detail);
    }

    [Fact]
    public async Task UnimplementedCall_AnotherUser_PermissionDeniedNotUnimplemented()
    {
        await using SessionSocketServer server = await StartServerOfAnotherUserAsync();
        using GrpcChannel channel = SessionChannel.ForSocket(server.SocketPath);

        RpcException refused = await Assert.ThrowsAsync<RpcException>(
            () => new Session.SessionClient(channel).SpawnAsync(new SpawnRequest(), cancellationToken: Bounded.Token()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    private Task<SessionSocketServer> StartServerOfAnotherUserAsync() =>
        SessionSocketServer.StartAsync(directory.PathOf("s.sock"), new TestSessionService(), new SessionSocketServerOptions { AllowedUid = owner }, Bounded.Token());
}
