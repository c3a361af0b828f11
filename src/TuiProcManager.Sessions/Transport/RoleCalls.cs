using TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Transport;

/// <summary>Which calls each <see cref="PeerRole"/> may make (the protocol's PeerRole says the same).</summary>
internal static class RoleCalls
{
    private const string Prefix = "/tuiproc.session.v1.Session/";

    /// <summary>
    /// Why <paramref name="role"/> may not call <paramref name="method"/> with <paramref name="request"/>, in
    /// one line naming the session's user <paramref name="owner"/>; null when it may.
    /// </summary>
    /// <remarks>
    /// A read-only peer watches: a screen's Watch, never a lossless one, which would hold the session's workers
    /// whenever the spectator reads slowly (acting on them). Share and End stay the session's user's.
    /// </remarks>
    public static string? Refusal(PeerRole role, string method, object? request, string owner)
    {
        string call = method.StartsWith(Prefix, StringComparison.Ordinal) ? method[Prefix.Length..] : method;
        return role switch
        {
            PeerRole.Owner => null,
            PeerRole.Control when call is "Share" or "End" => $"only {owner} may {(call == "Share" ? "share" : "end")} this session",
            PeerRole.Control => null,
            PeerRole.ReadOnly when call is "Hello" or "Status" or "WatchLab" or "WatchNotices" => null,
            PeerRole.ReadOnly when call is "Watch" && request is WatchRequest { Delivery: WatchRequest.Types.Delivery.Lossless, Follow: true } =>
                $"read-only: {owner} shared this session to watch; a lossless follow would hold its workers (watch it as a screen)",
            PeerRole.ReadOnly when call is "Watch" => null,
            PeerRole.ReadOnly => $"read-only: {owner} shared this session with you to watch, not to act",
            _ => $"this session belongs to {owner}",
        };
    }
}
