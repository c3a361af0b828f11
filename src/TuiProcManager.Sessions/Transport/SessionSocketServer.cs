using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// A gRPC service served on a Unix socket, to its owner only: Kestrel with HTTP/2 on that one socket (no TCP
/// listener), the socket 0600 in a directory created 0700, every call of another user answered
/// PERMISSION_DENIED (see <see cref="PeerAccessInterceptor"/>). Disposing it stops serving and removes the
/// socket file.
/// </summary>
public sealed class SessionSocketServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TimeSpan shutdownTimeout;
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int disposed;

    private SessionSocketServer(WebApplication app, string socketPath, TimeSpan shutdownTimeout)
    {
        this.app = app;
        this.shutdownTimeout = shutdownTimeout;
        SocketPath = socketPath;
        app.Lifetime.ApplicationStopped.Register(() => stopped.TrySetResult());
    }

    /// <summary>The full path of the socket served.</summary>
    public string SocketPath { get; }

    /// <summary>Completes when the server has stopped.</summary>
    public Task Completion => stopped.Task;

    /// <summary>Every address Kestrel listens on (the socket's alone).</summary>
    internal IReadOnlyCollection<string> ListeningAddresses =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    /// <summary>The host's services, for tests that inspect its settings.</summary>
    internal IServiceProvider Services => app.Services;

    /// <summary>Who may call: the one uid served.</summary>
    internal uint AllowedUid => app.Services.GetRequiredService<PeerAccess>().AllowedUid;

    /// <inheritdoc cref="StartAsync{TService}(string, TService, SessionSocketServerOptions, CancellationToken)"/>
    public static Task<SessionSocketServer> StartAsync<[DynamicallyAccessedMembers(SessionHost.ServiceMembers)] TService>(
        string socketPath, TService service, CancellationToken cancellationToken)
        where TService : class =>
        StartAsync(socketPath, service, new SessionSocketServerOptions(), cancellationToken);

    /// <summary>
    /// Serves <paramref name="service"/> on a socket at <paramref name="socketPath"/>, replacing a stale
    /// socket there. Completes once connections are accepted.
    /// </summary>
    /// <exception cref="SocketInUseException">A server already answers on that socket.</exception>
    /// <exception cref="IOException">The path cannot be used (a file in the way, no access).</exception>
    public static async Task<SessionSocketServer> StartAsync<[DynamicallyAccessedMembers(SessionHost.ServiceMembers)] TService>(
        string socketPath, TService service, SessionSocketServerOptions options, CancellationToken cancellationToken)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        string path = Path.GetFullPath(socketPath);
        await SocketFile.PrepareAsync(path, cancellationToken).ConfigureAwait(false);
        if (options.Sharing.SocketPath is { } shared)
        {
            // The shared socket is the user's for all their session directories (decision 0007): a live
            // server of the same name from another one (a login with another XDG_RUNTIME_DIR) has it. This
            // session then runs unshared; it never fails to start for it.
            try
            {
                await SocketFile.PrepareAsync(shared, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketInUseException or IOException)
            {
                options.Sharing.Unavailable(e is SocketInUseException
                    ? $"another session of yours named so is shared already (its socket {shared} is in use): this one cannot be"
                    : e.Message);
            }
        }

        WebApplication app = SessionHost.Build(path, service, options);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AddressInUseException) when (options.Sharing.SocketPath is { } sharedSocket)
        {
            // One of the two was bound by another server between our check and our bind: without the shared
            // one, the session's own is tried again (and refused as in use, when it was that one).
            await app.DisposeAsync().ConfigureAwait(false);
            options.Sharing.Unavailable($"another session of yours named so took its shared socket {sharedSocket} as this one started: this one cannot be shared");
            return await StartAsync(socketPath, service, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            if (e is AddressInUseException)
            {
                // Another server bound the path between our check and our bind.
                throw new SocketInUseException(path, e);
            }

            throw;
        }

        return new SessionSocketServer(app, path, options.ShutdownTimeout);
    }

    /// <summary>
    /// Stops serving: the socket file is removed and no connection accepted any more, open calls get
    /// <see cref="SessionSocketServerOptions.ShutdownTimeout"/> to end, then their connections are aborted.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            await Completion.ConfigureAwait(false);
            return;
        }

        try
        {
            using CancellationTokenSource grace = new(shutdownTimeout);
            await app.StopAsync(grace.Token).ConfigureAwait(false);
        }
        finally
        {
            // The socket file is gone by now: .NET unlinks the path of a socket it bound when that socket is
            // disposed, and Kestrel disposes its listener first thing when it stops. Deleting it here as
            // well would race a new server started on the same path during the grace period (its socket
            // file is at that path by then) and make that session unreachable.
            await app.DisposeAsync().ConfigureAwait(false);
            stopped.TrySetResult();
        }
    }
}
