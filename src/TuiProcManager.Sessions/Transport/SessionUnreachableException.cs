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
}
