namespace TuiProcManager.Sessions.Transport;

/// <summary>Who makes a call and what they may do: set on each call's features by <see cref="PeerAccessInterceptor"/>.</summary>
/// <param name="Peer">The peer's credentials.</param>
/// <param name="Role">What it may do.</param>
internal sealed record Caller(PeerCredentials Peer, PeerRole Role);
