using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Tests.Transport;

/// <summary>
/// A connection whose stream ends with a <see cref="LinkDroppedException"/> (ssh failed under it, the link
/// to another host dropped) under an open Watch is said with that exception's line, through HttpClient's
/// and gRPC's wrapping, not as "the session server went away": the line an attached UI shows.
/// </summary>
public sealed class LinkDroppedTests : IDisposable
{
    private const string Why = "the ssh link to lab dropped: Connection to lab closed by remote host";

    private readonly TempSocketDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Describe_StreamDropsUnderAWatch_SaysTheLinksLine()
    {
        string socket = directory.PathOf("s.sock");
        await using SessionSocketServer server = await SessionSocketServer.StartAsync(socket, new TestSessionService(), Bounded.Token());
        DroppingStream? link = null;
        using GrpcChannel channel = SessionChannel.ForStream(async cancel =>
        {
            NetworkStream network = new(await SessionSocketConnector.ConnectAsync(socket, cancel), ownsSocket: true);
            link = new DroppingStream(network);
            return new DuplexStream(link, network);
        });
        Session.SessionClient client = new(channel);
        using AsyncServerStreamingCall<EventBatch> watch = client.Watch(new WatchRequest { Follow = true }, cancellationToken: Bounded.Token());
        Assert.True(await watch.ResponseStream.MoveNext(Bounded.Token())); // connected, the stream open

        link!.Drop();
        RpcException failed = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await watch.ResponseStream.MoveNext(Bounded.Token()))
            {
            }
        });

        Assert.Equal(Why, ConnectionProblem.Describe(failed));
        Assert.Equal(Why, Assert.IsType<SessionException>(RpcFaults.Translate(failed)).Message);
    }

    /// <summary>Reads from a connection until <see cref="Drop"/>, then ends with the reason the link dropped.</summary>
    private sealed class DroppingStream(Stream connection) : Stream
    {
        private readonly TaskCompletionSource _dropped = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public void Drop() => _dropped.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            // Read into a buffer of our own: a read abandoned at the drop must not write into the caller's.
            byte[] own = new byte[buffer.Length];
            Task<int> read = connection.ReadAsync(own, 0, own.Length, cancellationToken);
            if (await Task.WhenAny(read, _dropped.Task) == _dropped.Task)
            {
                throw new LinkDroppedException(Why);
            }

            int count = await read;
            own.AsSpan(0, count).CopyTo(buffer.Span);
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
