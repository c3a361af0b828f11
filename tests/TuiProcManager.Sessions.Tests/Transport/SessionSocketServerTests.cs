using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Tests.Transport;

public sealed class SessionSocketServerTests : IDisposable
{
    private readonly TempSocketDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task StartAsync_UnaryCall_IsAnswered()
    {
        string socket = directory.PathOf("s.sock");
        await using SessionSocketServer server = await SessionSocketServer.StartAsync(socket, new TestSessionService(), Bounded.Token());
        using GrpcChannel channel = SessionChannel.ForSocket(socket);

        HelloReply reply = await new Session.SessionClient(channel).HelloAsync(new HelloRequest { Revision = 7, Client = "unary" }, cancellationToken: Bounded.Token());

        Assert.Equal(7u, reply.Revision);
        Assert.Equal("test unary", reply.Server);
    }

    [Fact]
    public async Task Watch_HundredThousandEvents_ArriveCompleteAndInOrder()
    {
        const int Events = 100_000;
        string socket = directory.PathOf("s.sock");
        await using SessionSocketServer server = await SessionSocketServer.StartAsync(socket, new TestSessionService(Events), Bounded.Token());
        using GrpcChannel channel = SessionChannel.ForSocket(socket);

        long expected = 1;
        using AsyncServerStreamingCall<EventBatch> watch = new Session.SessionClient(channel).Watch(new WatchRequest(), cancellationToken: Bounded.Token());
        await foreach (EventBatch batch in watch.ResponseStream.ReadAllAsync())
        {
            foreach (Event e in batch.Events)
            {
                Assert.Equal(expected++, e.Sequence);
            }
        }

        Assert.Equal(Events + 1, expected);
    }

    [Fact]
    public async Task StartAsync_DirectoryMissing_CreatesIt0700WithTheSocket0600()
    {
        string socket = directory.PathOf("sessions", "s.sock");

        await using SessionSocketServer server = await SessionSocketServer.StartAsync(socket, new TestSessionService(), Bounded.Token());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory.PathOf("sessions")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(socket));
    }

    [Fact]
    public async Task StartAsync_StaleSocket_ReplacesIt()
    {
        string socket = directory.PathOf("s.sock");
        directory.MakeStaleSocket(socket);

        await using SessionSocketServer server = await SessionSocketServer.StartAsync(socket, new TestSessionService(), Bounded.Token());
        using GrpcChannel channel = SessionChannel.ForSocket(socket);

        SessionStatus status = await new Session.SessionClient(channel).StatusAsync(new StatusRequest(), cancellationToken: Bounded.Token());
        Assert.Equal("test", status.Name);
    }

    [Fact]
    public async Task StartAsync_LiveSocket_FailsInOneLineAndLeavesTheServerServing()
    {
        string socket = directory.PathOf("s.sock");
        await using SessionSocketServer first = await SessionSocketServer.StartAsync(socket, new TestSessionService(), Bounded.Token());

        SocketInUseException refused = await Assert.ThrowsAsync<SocketInUseException>(
            () => SessionSocketServer.StartAsync(socket, new TestSessionService(), Bounded.Token()));

        Assert.Equal($"a session server is already listening on {socket}", refused.Message);
        using GrpcChannel channel = SessionChannel.ForSocket(socket);
        await new Session.SessionClient(channel).StatusAsync(new StatusRequest(), cancellationToken: Bounded.Token());
    }

    [Fact]
    public async Task StartAsync_FileWithContentInTheWay_FailsAndKeepsTheFile()
    {
        string socket = directory.PathOf("s.sock");
        await File.WriteAllTextAsync(socket, "notes");

        IOException refused = await Assert.ThrowsAsync<IOException>(
            () => SessionSocketServer.StartAsync(socket, new TestSessionService(), Bounded.Token()));

        Assert.Equal($"{socket} is in the way of the session's socket: it is a file with content, not a socket", refused.Message);
        Assert.Equal("notes", await File.ReadAllTextAsync(socket));
    }

    [Fact]
    public async Task StartAsync_Listens_OnTheSocketOnly()
    {
        string socket = directory.PathOf("s.sock");

        await using SessionSocketServer server = await SessionSocketServer.StartAsync(socket, new TestSessionService(), Bounded.Token());

        Assert.Equal([$"http://unix:{socket}"], server.ListeningAddresses);
    }

    [Fact]
    public async Task StartAsync_Kestrel_DoesNotCutSlowReaders()
    {
        await using SessionSocketServer server = await SessionSocketServer.StartAsync(directory.PathOf("s.sock"), new TestSessionService(), Bounded.Token());

        KestrelServerLimits limits = server.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        Assert.Null(limits.MinResponseDataRate);
        Assert.Null(limits.MinRequestBodyDataRate);
    }

    [Fact]
    public async Task StartAsync_DefaultOptions_ServeTheServersOwnUser()
    {
        await using SessionSocketServer server = await SessionSocketServer.StartAsync(directory.PathOf("s.sock"), new TestSessionService(), Bounded.Token());

        Assert.Equal(OwnUser.Uid, server.AllowedUid);
    }

    [Fact]
    public async Task DisposeAsync_WatchStreamOpen_StopsAndRemovesTheSocket()
    {
        string socket = directory.PathOf("s.sock");
        SessionSocketServer server = await SessionSocketServer.StartAsync(socket, new TestSessionService(), Bounded.Token());
        using GrpcChannel channel = SessionChannel.ForSocket(socket);
        using AsyncServerStreamingCall<EventBatch> watch = new Session.SessionClient(channel).Watch(new WatchRequest { Follow = true }, cancellationToken: Bounded.Token());
        Assert.True(await watch.ResponseStream.MoveNext(Bounded.Token()));

        await server.DisposeAsync().AsTask().WaitAsync(Bounded.Wait);

        Assert.False(File.Exists(socket));
        Assert.True(server.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task DisposeAsync_StreamIgnoringCancellation_StillStops()
    {
        string socket = directory.PathOf("s.sock");
        TestSessionService service = new();
        SessionSocketServer server = await SessionSocketServer.StartAsync(socket, service, new SessionSocketServerOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(100) }, Bounded.Token());
        using GrpcChannel channel = SessionChannel.ForSocket(socket);
        using AsyncServerStreamingCall<EventBatch> watch = new Session.SessionClient(channel).Watch(
            new WatchRequest { Follow = true, Consumer = TestSessionService.IgnoresCancellation }, cancellationToken: Bounded.Token());
        Assert.True(await watch.ResponseStream.MoveNext(Bounded.Token()));

        try
        {
            await server.DisposeAsync().AsTask().WaitAsync(Bounded.Wait);
        }
        finally
        {
            service.Release.TrySetResult();
        }

        Assert.False(File.Exists(socket));
    }

    [Fact]
    public async Task DisposeAsync_NewServerStartedOnThePathWhileStopping_KeepsTheNewSocket()
    {
        // Pins the race of a stopping server that deletes its socket's path at the end of its grace period,
        // by then the socket of a server started on the same path (a session restarted under its name).
        string socket = directory.PathOf("s.sock");
        TestSessionService service = new();
        SessionSocketServer stopping = await SessionSocketServer.StartAsync(socket, service, new SessionSocketServerOptions { ShutdownTimeout = Bounded.Wait }, Bounded.Token());
        using GrpcChannel channel = SessionChannel.ForSocket(socket);
        using AsyncServerStreamingCall<EventBatch> watch = new Session.SessionClient(channel).Watch(
            new WatchRequest { Follow = true, Consumer = TestSessionService.IgnoresCancellation }, cancellationToken: Bounded.Token());
        Assert.True(await watch.ResponseStream.MoveNext(Bounded.Token()));
        Task stopped = stopping.DisposeAsync().AsTask();
        Assert.True(SpinWait.SpinUntil(() => !File.Exists(socket), Bounded.Wait));

        await using SessionSocketServer successor = await SessionSocketServer.StartAsync(socket, new TestSessionService(), Bounded.Token());
        service.Release.SetResult();
        await stopped.WaitAsync(Bounded.Wait);

        Assert.True(File.Exists(socket));
        using GrpcChannel successorChannel = SessionChannel.ForSocket(socket);
        await new Session.SessionClient(successorChannel).StatusAsync(new StatusRequest(), cancellationToken: Bounded.Token());
    }
}
