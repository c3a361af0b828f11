using System.Net.Sockets;

namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// <c>tuiproc bridge</c>, run by ssh on the session's host: joins the session's socket to a pair of streams
/// (its stdin and stdout), byte for byte, so that a client elsewhere speaks to the server through ssh.
/// </summary>
/// <remarks>
/// Ends of input are passed on, not treated as the end: when <c>input</c> ends, the socket's sending side is
/// shut down (the server reads end of stream and closes the connection) and the bridge keeps copying what
/// the server still sends until it closes. When the server closes first, the bridge ends without waiting
/// for <c>input</c>, whose read may never return (a terminal; ssh keeps stdin open).
/// </remarks>
public static class SocketBridge
{
    /// <summary>The exit code when the socket cannot be reached (absent, stale, another user's).</summary>
    public const int UnreachableExitCode = 3;

    private const int ChunkSize = 64 * 1024;

    /// <summary>
    /// Copies between the socket at <paramref name="socketPath"/> and the streams until the server closes
    /// the connection. The streams stay open: the caller owns them.
    /// </summary>
    /// <returns>0, or <see cref="UnreachableExitCode"/> after one line on <paramref name="errors"/>.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<int> RunAsync(string socketPath, Stream input, Stream output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        Socket socket;
        try
        {
            socket = await SessionSocketConnector.ConnectAsync(socketPath, cancellationToken).ConfigureAwait(false);
        }
        catch (SessionUnreachableException e)
        {
            await errors.WriteLineAsync(e.Message).ConfigureAwait(false);
            await errors.FlushAsync(cancellationToken).ConfigureAwait(false);
            return UnreachableExitCode;
        }

        using (socket)
        using (CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            NetworkStream server = new(socket, ownsSocket: false);
            await using (server.ConfigureAwait(false))
            {
                // The upstream copy is never awaited: its read of input may never return. It swallows its
                // own errors, so none is left unobserved; cancelling stop ends it where input allows.
                _ = CopyToServerAsync(input, server, socket, stop.Token);
                try
                {
                    await CopyFromServerAsync(server, output, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                }

                return 0;
            }
        }
    }

    private static async Task CopyToServerAsync(Stream input, NetworkStream server, Socket socket, CancellationToken cancellationToken)
    {
        try
        {
            await input.CopyToAsync(server, ChunkSize, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Input failed, or the server or the bridge ended first: either way nothing more goes up.
        }

        try
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The connection is already gone.
        }
    }

    private static async Task CopyFromServerAsync(NetworkStream server, Stream output, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[ChunkSize];
        while (true)
        {
            int read;
            try
            {
                read = await server.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e) when (e.InnerException is SocketException)
            {
                // Reset by the server (it exited with our bytes unread): the connection is over all the same.
                return;
            }

            if (read == 0)
            {
                return;
            }

            try
            {
                // Flushed per chunk: the client waits on these bytes, a buffering stdout would sit on them.
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The client is gone (ssh closed our stdout): nobody is left to copy for.
                return;
            }
        }
    }
}
