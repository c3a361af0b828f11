using System.Net;
using System.Net.Sockets;

namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// The socket file a session server listens on: its path made ready (the directory created private, a
/// stale socket of a dead server removed, a live one refused), then bound with mode 0600. It is removed by
/// .NET when the bound socket is disposed.
/// </summary>
/// <remarks>
/// The mode is set between bind(2) and listen(2): bind creates the file with the umask's mode, but until
/// listen(2) every connect(2) is refused, so no one can use the socket before it is 0600. Its directory,
/// when created here, is 0700 as well. Two servers starting on one path at once race between the check for
/// a live socket and bind(2); the loser's bind fails as in use.
/// </remarks>
internal static class SocketFile
{
    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateSocket = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Makes <paramref name="socketPath"/> ready to bind.</summary>
    /// <exception cref="SocketInUseException">A server answers there.</exception>
    /// <exception cref="IOException">Something that is not a session's socket is in the way, or it cannot be reached.</exception>
    public static async Task PrepareAsync(string socketPath, CancellationToken cancellationToken)
    {
        string directory = Path.GetDirectoryName(socketPath) ?? throw new ArgumentException($"'{socketPath}' has no directory", nameof(socketPath));
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, PrivateDirectory);
        }

        if (!File.Exists(socketPath))
        {
            return;
        }

        try
        {
            using Socket probe = await SessionSocketConnector.ConnectAsync(socketPath, cancellationToken).ConfigureAwait(false);
        }
        catch (SessionUnreachableException e) when (e.Reason == SocketError.ConnectionRefused)
        {
            RemoveStale(socketPath);
            return;
        }
        catch (SessionUnreachableException e) when (e.Reason == SocketError.AddressNotAvailable)
        {
            return;   // removed meanwhile
        }
        catch (SessionUnreachableException e)
        {
            throw new IOException($"cannot tell whether a session server listens on {socketPath}: {e.InnerException?.Message}", e);
        }

        throw new SocketInUseException(socketPath);
    }

    /// <summary>
    /// Kestrel's <c>CreateBoundListenSocket</c>: a socket bound at <paramref name="endpoint"/>, its file mode
    /// 0600; Kestrel calls listen(2) on it next.
    /// </summary>
    public static Socket Bind(EndPoint endpoint)
    {
        string path = endpoint.ToString() ?? throw new ArgumentException("the endpoint has no path", nameof(endpoint));
        Socket socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(endpoint);
            File.SetUnixFileMode(path, PrivateSocket);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void RemoveStale(string socketPath)
    {
        // A socket file is always empty. A refused connect cannot tell a stale socket from a regular file
        // (connect(2) answers ECONNREFUSED to both) and telling them apart needs stat(2), which .NET does not
        // expose: at least a file with content in it is never taken for a socket and deleted.
        if (new FileInfo(socketPath).Length != 0)
        {
            throw new IOException($"{socketPath} is in the way of the session's socket: it is a file with content, not a socket");
        }

        File.Delete(socketPath);
    }
}
