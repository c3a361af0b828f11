using System.Net.Http;
using System.Net.Sockets;
using Grpc.Net.Client;

namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// gRPC channels to a session server: over its Unix socket, or over one duplex stream (a bridge through
/// ssh). Dispose the channel to close its connection.
/// </summary>
/// <remarks>
/// HTTP/2 keep-alive pings run while a call is open (over a stream: always), so a client on a long Watch
/// stream notices a server that stopped answering (a host that went away under ssh, a frozen server) within
/// <see cref="KeepAlivePingDelay"/> + <see cref="KeepAlivePingTimeout"/>, not never. A server that exits
/// closes its socket and is noticed at once.
/// </remarks>
public static class SessionChannel
{
    /// <summary>How long a connection with a call open may be silent before the client pings.</summary>
    public static readonly TimeSpan KeepAlivePingDelay = TimeSpan.FromSeconds(20);

    /// <summary>How long the client waits for a ping's answer before it gives the connection up.</summary>
    public static readonly TimeSpan KeepAlivePingTimeout = TimeSpan.FromSeconds(10);

    // The authority is not used for routing (every connection goes to the socket or stream), but an
    // http:// address makes the channel speak HTTP/2 without TLS.
    private static readonly Uri Address = new("http://localhost");

    /// <summary>A channel whose every connection goes to the Unix socket at <paramref name="socketPath"/>.</summary>
    /// <remarks>
    /// A connect that fails surfaces on the call as UNAVAILABLE wrapping a
    /// <see cref="SessionUnreachableException"/>; <see cref="ConnectionProblem.Describe"/> says which.
    /// </remarks>
    public static GrpcChannel ForSocket(string socketPath)
    {
        string path = Path.GetFullPath(socketPath);
        SocketsHttpHandler handler = NewHandler();
        handler.ConnectCallback = async (_, cancellationToken) =>
        {
            Socket socket = await SessionSocketConnector.ConnectAsync(path, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        };
        return NewChannel(handler);
    }

    /// <summary>
    /// A channel over the one duplex stream <paramref name="connect"/> opens, e.g. ssh's stdout and stdin
    /// (<see cref="DuplexStream"/>) running <c>tuiproc bridge</c>. It is called once: the channel has one
    /// connection, never retired for idleness, and once it closes every later call fails as UNAVAILABLE.
    /// </summary>
    public static GrpcChannel ForStream(Func<CancellationToken, ValueTask<Stream>> connect)
    {
        ArgumentNullException.ThrowIfNull(connect);
        int connected = 0;
        SocketsHttpHandler handler = NewHandler();
        handler.PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan;
        handler.PooledConnectionLifetime = Timeout.InfiniteTimeSpan;
        handler.EnableMultipleHttp2Connections = false;
        // Pings even with no call open: the server closes a connection idle for its KeepAliveTimeout (pings
        // count as activity), and this one cannot be replaced; and a dead ssh is noticed before the next call.
        handler.KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always;
        handler.ConnectCallback = (_, cancellationToken) => Interlocked.Exchange(ref connected, 1) == 0
            ? connect(cancellationToken)
            : ValueTask.FromException<Stream>(new IOException("the connection to the session server has closed"));
        return NewChannel(handler);
    }

    /// <summary>
    /// How many bytes of a stream the server may send before the client's next window update: one whole
    /// message of events (the server writes at most 1 MiB a message), so an attach's history (10,000 lines,
    /// about 0.4 MB) comes in one go. With HTTP/2's default 64 KiB it came in pieces, each waiting for the
    /// client's reader to take the last and say so: the history's last piece came 90 ms after its first, after
    /// the screen was ready for it. Flow control still holds a slow reader's stream back, one message later.
    /// </summary>
    private const int StreamWindowBytes = 1 << 20;

    private static SocketsHttpHandler NewHandler() => new()
    {
        KeepAlivePingDelay = KeepAlivePingDelay,
        KeepAlivePingTimeout = KeepAlivePingTimeout,
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        InitialHttp2StreamWindowSize = StreamWindowBytes,
    };

    private static GrpcChannel NewChannel(SocketsHttpHandler handler) =>
        GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
}
