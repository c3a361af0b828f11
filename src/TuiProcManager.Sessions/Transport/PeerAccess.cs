using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// Who may use a session: its user, the server's own unless told otherwise, and those it is shared with
/// (<see cref="Sharing"/>), each in a <see cref="PeerRole"/>. Each connection's peer is read once from the
/// kernel when Kestrel accepts it (<see cref="RecordPeer"/>), and every call is checked against it
/// (<see cref="PeerAccessInterceptor"/>).
/// </summary>
/// <remarks>
/// The server's own uid comes from the listening socket (SO_PEERCRED there holds this process's credentials
/// from listen(2)), so no P/Invoke is needed. It is read on the first check, which can only come after a
/// connection was accepted and so after listen(2); <see cref="Listener"/> is set while Kestrel binds,
/// before its accept loop starts.
/// </remarks>
internal sealed class PeerAccess
{
    private readonly Lazy<uint> allowedUid;

    /// <summary>Allows <paramref name="allowedUid"/>, or the server's own user when null, and those <paramref name="sharing"/> grants.</summary>
    public PeerAccess(uint? allowedUid, SessionSharing? sharing = null)
    {
        this.allowedUid = new Lazy<uint>(() => allowedUid ?? ServerUid(), LazyThreadSafetyMode.ExecutionAndPublication);
        Sharing = sharing ?? SessionSharing.None;
    }

    /// <summary>Who else may use the session.</summary>
    public SessionSharing Sharing { get; }

    /// <summary>The listening socket, once bound; the source of the server's own uid.</summary>
    public Socket? Listener { get; set; }

    /// <summary>The one user whose calls are served.</summary>
    public uint AllowedUid => allowedUid.Value;

    /// <summary>
    /// Kestrel connection middleware: records the peer's credentials as a connection feature, where each
    /// call's HTTP context finds them, and the connection by peer (a grant taken back closes it). A
    /// connection without a socket gets none, and its calls are refused.
    /// </summary>
    public ConnectionDelegate RecordPeer(ConnectionDelegate next) => context =>
    {
        Socket? socket = context.Features.Get<IConnectionSocketFeature>()?.Socket;
        if (socket is not null)
        {
            PeerCredentials peer = PeerCredentials.Read(socket);
            context.Features.Set(peer);
            Sharing.Connected(context, peer);
        }

        return next(context);
    };

    /// <summary>What <paramref name="peer"/> may do now.</summary>
    public PeerRole RoleOf(PeerCredentials peer) =>
        peer.Uid == AllowedUid ? PeerRole.Owner : Sharing.RoleOf(peer);

    /// <summary>
    /// What <paramref name="peer"/> may do, and why a call of <paramref name="method"/> (with
    /// <paramref name="request"/>, when known) from it is refused, in one line (null when it is allowed).
    /// </summary>
    public (PeerRole Role, string? Refusal) Decide(PeerCredentials? peer, string method = "", object? request = null)
    {
        if (peer is null)
        {
            return (PeerRole.None, "the session server could not tell which user is calling, so it serves no call");
        }

        PeerRole role = RoleOf(peer);
        return (role, role == PeerRole.None
            ? $"this session belongs to {UserNames.Describe(AllowedUid)}; you are {UserNames.Describe(peer.Uid)}"
            : RoleCalls.Refusal(role, method, request, UserNames.NameOf(AllowedUid)));
    }

    private uint ServerUid() =>
        PeerCredentials.Read(Listener ?? throw new InvalidOperationException("the session socket is not bound yet")).Uid;
}
