using Grpc.Core;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Transport;
using PeerRole = TuiProcManager.Sessions.Transport.PeerRole;
using WirePeerRole = TuiProcManager.Protocol.V1.PeerRole;

namespace TuiProcManager.Sessions.Server;

/// <summary>Sharing a session (<see cref="Share"/>) and who calls (decision 0007).</summary>
public sealed partial class SessionService
{
    /// <summary>Who else may use the session; the same the socket server checks calls against. None by default.</summary>
    public SessionSharing Sharing { get; init; } = SessionSharing.None;

    /// <summary>The session's user (the server's own), whose connections a change of grants never closes.</summary>
    public uint Owner { get; init; } = Linux.Hosting.UserIdentity.EffectiveUid;

    /// <inheritdoc />
    public override Task<ShareReply> Share(ShareRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        List<SessionGrant> add = [.. request.Add.Select(FromWire)];
        if (add.FirstOrDefault(g => !g.Group && g.Id == Owner) is { } self)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{UserNames.NameOf(self.Id)} is this session's own user: it needs no sharing"));
        }

        (string? problem, IReadOnlyList<WatcherEntry> closed) = Sharing.Change(add, [.. request.Remove.Select(FromWire)], request.RemoveAll, Owner);
        ShareReply reply = new() { Socket = Sharing.SocketPath ?? "", Problem = problem ?? "" };
        reply.Grants.Add(Sharing.Grants.Select(ToWire));
        reply.Closed.Add(closed.Select(ToWire));
        if (problem is null && (request.Add.Count > 0 || request.Remove.Count > 0 || request.RemoveAll))
        {
            Notices?.SayWatchers(SharedNow(), Sharing.Watchers);
        }

        return Task.FromResult(reply);
    }

    /// <summary>The caller of a call, as the peer check decided it; null in a service served without one (tests).</summary>
    private static Caller? CallerOf(ServerCallContext context) =>
        context.GetHttpContext().Features.Get<Caller>();

    /// <summary>The role the caller has, for Hello.</summary>
    private static WirePeerRole RoleOf(ServerCallContext context) => CallerOf(context)?.Role switch
    {
        PeerRole.Control => WirePeerRole.Control,
        PeerRole.ReadOnly => WirePeerRole.ReadOnly,
        _ => WirePeerRole.Owner,
    };

    private string SharedNow() => Sharing.Grants.Count == 0
        ? "this session is shared with nobody now"
        : "this session is shared with " + string.Join(", ", Sharing.Grants.Select(ToWire).Select(g => $"{g.Name} ({(g.Control ? "control" : "read-only")})"));

    /// <summary>A grant of a request: its name looked up here (the session's host), else its number.</summary>
    private static SessionGrant FromWire(Grant grant)
    {
        if (grant.Name.Length == 0)
        {
            return new SessionGrant(grant.Group, grant.Id, grant.Control);
        }

        uint? id = grant.Group ? UserNames.FindGroup(grant.Name) : UserNames.FindUser(grant.Name);
        return id is { } found
            ? new SessionGrant(grant.Group, found, grant.Control)
            : throw new RpcException(new Status(StatusCode.InvalidArgument, $"there is no {(grant.Group ? "group" : "user")} named {Core.Text.InputText.Shorten(grant.Name)} on this host"));
    }

    private static Grant ToWire(SessionGrant grant) => new()
    {
        Group = grant.Group,
        Id = grant.Id,
        Control = grant.Control,
        Name = grant.Group ? "@" + UserNames.GroupNameOf(grant.Id) : UserNames.NameOf(grant.Id),
    };

    private static Watcher ToWire(WatcherEntry watcher) => new()
    {
        Uid = watcher.Uid,
        Name = watcher.Name,
        Role = watcher.Role switch { PeerRole.Control => WirePeerRole.Control, PeerRole.ReadOnly => WirePeerRole.ReadOnly, _ => WirePeerRole.Owner },
        Connections = watcher.Screens,
    };
}
