using Microsoft.Extensions.Hosting;

namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// A host lifetime that leaves signals alone. The default one handles SIGINT, SIGTERM and SIGQUIT for the
/// whole process (cancelling their default action); what those signals do to a session server is the
/// app's decision, made where it composes the server, not the transport's.
/// </summary>
internal sealed class HostLifetimeWithoutSignals : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
