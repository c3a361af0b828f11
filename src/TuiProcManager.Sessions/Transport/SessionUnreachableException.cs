using System.Net.Sockets;

namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// Connecting to a session's socket failed; the message is one line for people (see
/// <see cref="ConnectionProblem"/>).
/// </summary>
public sealed class SessionUnreachableException : IOException
{
    /// <summary>Describes the failure of a connect to <paramref name="socketPath"/>.</summary>
    public SessionUnreachableException(string socketPath, SocketException cause)
        : base(ConnectionProblem.DescribeConnect(socketPath, cause), cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        SocketPath = socketPath;
        Reason = cause.SocketErrorCode;
    }

    /// <summary>The socket that could not be reached.</summary>
    public string SocketPath { get; }

    /// <summary>Why, as the socket layer said it.</summary>
    public SocketError Reason { get; }

    /// <summary>
    /// Why the connect under <paramref name="failure"/> failed (through gRPC's wrapping: a call's status
    /// keeps it as its debug exception), or null when no connect failed under it.
    /// </summary>
    public static SocketError? ReasonIn(Exception? failure)
    {
        for (Exception? cause = failure; cause is not null; cause = cause is Grpc.Core.RpcException rpc ? rpc.Status.DebugException : cause.InnerException)
        {
            if (cause is SessionUnreachableException unreachable)
            {
                return unreachable.Reason;
            }
        }

        return null;
    }
}
