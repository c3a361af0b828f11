using System.Net.Sockets;
using Grpc.Core;

namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// Says in one line, for people, why talking to a session failed: from the failed connect, or from the
/// status of the call. Socket paths appear only where the user may act on them (a stale socket).
/// </summary>
public static class ConnectionProblem
{
    /// <summary>What a client says when the connection ended under a call (the server exited or was killed).</summary>
    public const string ServerWentAway = "the session server went away";

    /// <summary>One line for <paramref name="problem"/>, whatever wraps the cause (gRPC, HttpClient).</summary>
    public static string Describe(Exception problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        bool connectionBroke = false;
        foreach (Exception cause in Causes(problem))
        {
            if (cause is SessionUnreachableException or LinkDroppedException)
            {
                return cause.Message;
            }

            // HttpProtocolException (the server closed the connection: GOAWAY, or the socket ended), the
            // response ended early, the connection was reset: whatever status gRPC gave it (INTERNAL for a
            // closed HTTP/2 connection), the connection broke under the call.
            connectionBroke |= cause is IOException;
        }

        return problem switch
        {
            RpcException { StatusCode: not (StatusCode.OK or StatusCode.Cancelled or StatusCode.DeadlineExceeded) } when connectionBroke => ServerWentAway,
            RpcException rpc => DescribeStatus(rpc.Status),
            SocketException socket => FirstLine(socket.Message),
            _ => FirstLine(problem.Message),
        };
    }

    /// <summary>
    /// One line for a failed connect to <paramref name="socketPath"/>, naming the session after the socket's
    /// file name (without its extension).
    /// </summary>
    public static string DescribeConnect(string socketPath, SocketException cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        string name = Path.GetFileNameWithoutExtension(socketPath);
        return cause.SocketErrorCode switch
        {
            // .NET reports ENOENT on a Unix socket's path as AddressNotAvailable.
            SocketError.AddressNotAvailable => $"no session named {name}",
            // ECONNREFUSED: a socket file nobody listens on (its server died without removing it), or a
            // file that is no socket at all.
            SocketError.ConnectionRefused => $"session {name} is not running: its server is gone and left a stale socket behind ({socketPath})",
            SocketError.AccessDenied => $"the socket of session {name} belongs to another user",
            _ => $"cannot reach session {name}: {FirstLine(cause.Message)}",
        };
    }

    private static string DescribeStatus(Status status) => status.StatusCode switch
    {
        StatusCode.PermissionDenied => FirstLine(status.Detail),
        StatusCode.Unavailable => ServerWentAway,
        StatusCode.Unimplemented => "the session server does not know this call (is it an older tuiproc?)",
        StatusCode.DeadlineExceeded => "the session server did not answer in time",
        StatusCode.Cancelled => "the call was cancelled",
        _ when status.Detail.Length > 0 => FirstLine(status.Detail),
        _ => $"the session server answered {status.StatusCode}",
    };

    private static IEnumerable<Exception> Causes(Exception problem)
    {
        Queue<Exception> pending = new([problem]);
        while (pending.TryDequeue(out Exception? cause))
        {
            yield return cause;
            if (cause is RpcException { Status.DebugException: { } debug })
            {
                pending.Enqueue(debug);
            }

            if (cause is AggregateException aggregate)
            {
                foreach (Exception inner in aggregate.InnerExceptions)
                {
                    pending.Enqueue(inner);
                }
            }
            else if (cause.InnerException is { } inner)
            {
                pending.Enqueue(inner);
            }
        }
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
    }
}
