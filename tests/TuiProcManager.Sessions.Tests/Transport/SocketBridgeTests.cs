using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Tests.Transport;

/// <summary>
/// The bridge in-process between a socket and two pipes standing in for ssh's stdin and stdout, and a
/// channel over those pipes.
/// </summary>
public sealed class SocketBridgeTests : IDisposable
{
    private readonly TempSocketDirectory directory = new();
    private readonly Pipe toServer = new();
    private readonly Pipe fromServer = new();
    private readonly StringWriter errors = new();

    public void Dispose()
    {
        errors.Dispose();
        directory.Dispose();
    }

    [Fact]
    public async Task ForStream_ThroughTheBridge_CallsAndAStreamArriveAndTheBridgeEndsWithTheChannel()
    {
        const int Events = 10_000;
        string socket = directory.PathOf("s.sock");
        await using SessionSocketServer server = await SessionSocketServer.StartAsync(socket, new TestSessionService(Events), Bounded.Token());
        Task<int> bridge = RunBridge(socket);
        int connects = 0;

        using (GrpcChannel channel = SessionChannel.ForStream(_ =>
        {
            Interlocked.Increment(ref connects);
            return ValueTask.FromResult<Stream>(new DuplexStream(fromServer.Reader.AsStream(), toServer.Writer.AsStream()));
        }))
        {
            Session.SessionClient client = new(channel);
            HelloReply hello = await client.HelloAsync(new HelloRequest { Client = "bridged" }, cancellationToken: Bounded.Token());
            Assert.Equal("test bridged", hello.Server);

            long expected = 1;
            using AsyncServerStreamingCall<EventBatch> watch = client.Watch(new WatchRequest(), cancellationToken: Bounded.Token());
            await foreach (EventBatch batch in watch.ResponseStream.ReadAllAsync())
            {
                foreach (Event e in batch.Events)
                {
                    Assert.Equal(expected++, e.Sequence);
                }
            }

            Assert.Equal(Events + 1, expected);
            await client.StatusAsync(new StatusRequest(), cancellationToken: Bounded.Token());
        }

        Assert.Equal(0, await bridge.WaitAsync(Bounded.Wait));
        Assert.Equal(1, connects);
        Assert.Equal(string.Empty, errors.ToString());
    }

    [Fact]
    public async Task RunAsync_InputEnds_ShutsDownSendingAndCopiesTheServersLastWords()
    {
        string socket = directory.PathOf("raw.sock");
        using Socket listener = Listen(socket);
        Task server = Task.Run(async () =>
        {
            using Socket connection = await listener.AcceptAsync();
            string heard = await ReadToEndAsync(new NetworkStream(connection, ownsSocket: false));
            await connection.SendAsync(Encoding.UTF8.GetBytes("heard: " + heard));
        });
        Task<int> bridge = RunBridge(socket);

        await toServer.Writer.WriteAsync("hello"u8.ToArray());
        await toServer.Writer.CompleteAsync();

        Assert.Equal(0, await bridge.WaitAsync(Bounded.Wait));
        await server.WaitAsync(Bounded.Wait);
        Assert.Equal("heard: hello", await ReadOutputAsync());
    }

    [Fact]
    public async Task RunAsync_ServerCloses_EndsWhileInputStaysOpen()
    {
        string socket = directory.PathOf("raw.sock");
        using Socket listener = Listen(socket);
        Task server = Task.Run(async () =>
        {
            using Socket connection = await listener.AcceptAsync();
            await connection.SendAsync("bye"u8.ToArray());
        });

        Assert.Equal(0, await RunBridge(socket).WaitAsync(Bounded.Wait));
        await server.WaitAsync(Bounded.Wait);
        Assert.Equal("bye", await ReadOutputAsync());
    }

    [Fact]
    public async Task RunAsync_NoSocket_ExitsUnreachableWithOneLine()
    {
        Assert.Equal(SocketBridge.UnreachableExitCode, await RunBridge(directory.PathOf("ghost.sock")).WaitAsync(Bounded.Wait));

        Assert.Equal("no session named ghost" + Environment.NewLine, errors.ToString());
    }

    [Fact]
    public async Task RunAsync_StaleSocket_ExitsUnreachableWithOneLine()
    {
        string socket = directory.PathOf("old.sock");
        directory.MakeStaleSocket(socket);

        Assert.Equal(SocketBridge.UnreachableExitCode, await RunBridge(socket).WaitAsync(Bounded.Wait));

        Assert.Equal($"session old is not running: its server is gone and left a stale socket behind ({socket})" + Environment.NewLine, errors.ToString());
    }

    private static Socket Listen(string path)
    {
        Socket listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen();
        return listener;
    }

    private static async Task<string> ReadToEndAsync(Stream stream)
    {
        using StreamReader reader = new(stream);
        return await reader.ReadToEndAsync(Bounded.Token());
    }

    private Task<int> RunBridge(string socket) =>
        SocketBridge.RunAsync(socket, toServer.Reader.AsStream(), fromServer.Writer.AsStream(), errors, Bounded.Token());

    private async Task<string> ReadOutputAsync()
    {
        await fromServer.Writer.CompleteAsync();
        return await ReadToEndAsync(fromServer.Reader.AsStream());
    }
}
