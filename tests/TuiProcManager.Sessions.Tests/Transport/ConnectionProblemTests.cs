using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Tests.Transport;

public sealed class ConnectionProblemTests : IDisposable
{
    private readonly TempSocketDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Describe_NoSocket_NoSessionOfThatName()
    {
        RpcException failed = await CallStatusAsync(directory.PathOf("ghost.sock"));

        Assert.Equal("no session named ghost", ConnectionProblem.Describe(failed));
    }

    [Fact]
    public async Task Describe_StaleSocket_ServerGoneWithThePathToRemove()
    {
        string socket = directory.PathOf("old.sock");
        directory.MakeStaleSocket(socket);

        RpcException failed = await CallStatusAsync(socket);

        Assert.Equal($"session old is not running: its server is gone and left a stale socket behind ({socket})", ConnectionProblem.Describe(failed));
    }

    [Fact]
    public async Task Describe_PlainFileForSocket_RefusedLikeAStaleOne()
    {
        string socket = directory.PathOf("plain.sock");
        await File.WriteAllTextAsync(socket, string.Empty);

        RpcException failed = await CallStatusAsync(socket);

        Assert.StartsWith("session plain is not running", ConnectionProblem.Describe(failed), StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeConnect_AccessDenied_AnotherUsersSocket() =>
        Assert.Equal(
            "the socket of session theirs belongs to another user",
            ConnectionProblem.DescribeConnect("/run/user/1000/tuiproc/theirs.sock", new SocketException((int)SocketError.AccessDenied)));

    [Fact]
    public async Task Describe_ServerDisposedMidStream_ServerWentAway()
    {
        string socket = directory.PathOf("s.sock");
        SessionSocketServer server = await SessionSocketServer.StartAsync(socket, new TestSessionService(), new SessionSocketServerOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(100) }, Bounded.Token());
        using GrpcChannel channel = SessionChannel.ForSocket(socket);
        using AsyncServerStreamingCall<EventBatch> watch = new Session.SessionClient(channel).Watch(new WatchRequest { Follow = true }, cancellationToken: Bounded.Token());
        Assert.True(await watch.ResponseStream.MoveNext(Bounded.Token()));

        await server.DisposeAsync();
        RpcException failed = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(Bounded.Token()));

        Assert.Equal(ConnectionProblem.ServerWentAway, ConnectionProblem.Describe(failed));
    }

    [Fact]
    public void Describe_RefusalOfTheServer_ItsMessage() =>
        Assert.Equal("worker 3 has already ended", ConnectionProblem.Describe(new RpcException(new Status(StatusCode.FailedPrecondition, "worker 3 has already ended"))));

    private static async Task<RpcException> CallStatusAsync(string socket)
    {
        using GrpcChannel channel = SessionChannel.ForSocket(socket);
        return await Assert.ThrowsAsync<RpcException>(
            () => new Session.SessionClient(channel).StatusAsync(new StatusRequest(), cancellationToken: Bounded.Token()).ResponseAsync);
    }
}
