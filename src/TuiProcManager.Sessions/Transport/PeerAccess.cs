using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// Who may use a session: one user, the server's own unless told otherwise. Each connection's peer is read
/// once from the kernel when Kestrel accepts it (<see cref="RecordPeer"/>), and every call is checked
/// against it (<see cref="PeerAccessInterceptor"/>).
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

    /// <summary>Allows <paramref name="allowedUid"/>, or the server's own user when null.</summary>
    public PeerAccess(uint? allowedUid) =>
        this.allowedUid = new Lazy<uint>(() => allowedUid ?? ServerUid(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The listening socket, once bound; the source of the server's own uid.</summary>
    public Socket? Listener { get; set; }

    /// <summary>The one user whose calls are served.</summary>
    public uint AllowedUid => allowedUid.Value;

    /// <summary>
    /// Kestrel connection middleware: records the peer's credentials as a connection feature, where each
    /// call's HTTP context finds them. A connection without a socket gets none, and its calls are refused.
    /// </summary>
    public static ConnectionDelegate RecordPeer(ConnectionDelegate next) => context =>
    {
        Socket? socket = context.Features.Get<IConnectionSocketFeature>()?.Socket;
        if (socket is not null)
        {
            context.Features.Set(PeerCredentials.Read(socket));
        }

        return next(context);
    };

    /// <summary>Why a call from <paramref name="peer"/> is refused, in one line; null when it is allowed.</summary>
    public string? Refusal(PeerCredentials? peer)
    {
        if (peer is null)
        {
            return "the session server could not tell which user is calling, so it serves no call";
        }

        uint owner = AllowedUid;
        return peer.Uid == owner
            ? null
            : $"this session belongs to {UserNames.Describe(owner)}; you are {UserNames.Describe(peer.Uid)}";
    }

    private uint ServerUid() =>
        PeerCredentials.Read(Listener ?? throw new InvalidOperationException("the session socket is not bound yet")).Uid;
}
