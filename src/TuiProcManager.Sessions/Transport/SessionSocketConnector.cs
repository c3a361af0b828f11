using System.Net.Sockets;

namespace TuiProcManager.Sessions.Transport;

/// <summary>Connects to a session's Unix socket, turning a failure into a <see cref="SessionUnreachableException"/>.</summary>
internal static class SessionSocketConnector
{
    /// <summary>A stream socket connected to <paramref name="socketPath"/>; the caller owns it.</summary>
    /// <exception cref="SessionUnreachableException">Nothing listens there, or this user may not connect.</exception>
    public static async Task<Socket> ConnectAsync(string socketPath, CancellationToken cancellationToken)
    {
        Socket socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new SessionUnreachableException(socketPath, e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
