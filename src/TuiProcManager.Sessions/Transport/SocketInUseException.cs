namespace TuiProcManager.Sessions.Transport;

/// <summary>A session server already listens on the socket a new one was to start on; the message is one line.</summary>
public sealed class SocketInUseException : IOException
{
    /// <summary>Says that a server answers on <paramref name="socketPath"/>.</summary>
    public SocketInUseException(string socketPath, Exception? cause = null)
        : base($"a session server is already listening on {socketPath}", cause) => SocketPath = socketPath;

    /// <summary>The socket in use.</summary>
    public string SocketPath { get; }
}
