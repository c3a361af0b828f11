namespace TuiProcManager.Sessions.Transport;

/// <summary>How a <see cref="SessionSocketServer"/> serves.</summary>
public sealed class SessionSocketServerOptions
{
    /// <summary>
    /// The one user whose calls are served; everyone else is answered PERMISSION_DENIED. Default: null, the
    /// server's own effective uid.
    /// </summary>
    public uint? AllowedUid { get; set; }

    /// <summary>
    /// Who else may use the session, and its second, shared socket (<see cref="SessionSharing.SocketPath"/>),
    /// served beside the first. Default: <see cref="SessionSharing.None"/>, one socket, its user alone.
    /// </summary>
    public SessionSharing Sharing { get; set; } = SessionSharing.None;

    /// <summary>
    /// How long stopping waits for open calls (a Watch stream) to end before their connections are
    /// aborted. Default: 2 seconds.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
