using Microsoft.AspNetCore.Connections;
using TuiProcManager.Sessions.Runtime;

namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// Who else may use a session (decision 0007): the grant list the server keeps, the access lists that let
/// those peers reach its shared socket, every open connection by peer (so that a grant taken back closes
/// them at once), and the peers watching (the student sees who).
/// </summary>
/// <remarks>
/// One lock over the grants, the connections and the watchers; the access lists are changed outside it but
/// one change at a time (<c>_changing</c>, taken before <c>_gate</c>), and connections are aborted outside it (Kestrel's abort runs
/// callbacks that come back here to forget the connection). The grants are an immutable array swapped under
/// the lock and read without it by every call's check. Changes are seldom (a user's command) and quick
/// (a few setxattr calls), so a change waits for the one before, on the caller's thread.
/// </remarks>
public sealed class SessionSharing
{
    private readonly string _name;
    private SharedSessions? _place;
    private readonly object _gate = new();
    private readonly Lock _changing = new();
    private readonly Dictionary<ConnectionContext, PeerCredentials> _connections = [];
    private readonly Dictionary<uint, WatcherEntry> _watchers = [];
    private readonly List<(PeerCredentials Peer, CancellationTokenSource Revoked)> _screens = [];
    private volatile SessionGrant[] _grants = [];

    /// <summary>Sharing for session <paramref name="name"/> through <paramref name="place"/>'s socket.</summary>
    /// <param name="name">The session's name.</param>
    /// <param name="place">Where its shared socket is; null when it has none (<paramref name="problem"/> says why).</param>
    /// <param name="problem">Why the session cannot be shared, or null.</param>
    public SessionSharing(string name, SharedSessions? place, string? problem)
    {
        _name = name;
        _place = problem is null ? place : null;
        Problem = _place is null ? problem ?? "this session has no shared socket" : null;
    }

    /// <summary>
    /// The shared socket cannot be served after all (another live server of this user, from another session
    /// directory, shares a session of the same name): the session runs unshared, and says why. Before serving only.
    /// </summary>
    internal void Unavailable(string problem)
    {
        _place = null;
        Problem = problem;
    }

    /// <summary>A session that is shared with nobody, ever (tests, and servers that serve their owner only).</summary>
    public static SessionSharing None { get; } = new("", null, "this session cannot be shared");

    /// <summary>Raised, outside the lock, when a watcher came or went: one line for people, then the watchers now.</summary>
    public event Action<string, IReadOnlyList<WatcherEntry>>? WatchersChanged;

    /// <summary>The shared socket's path, or null when the session has none.</summary>
    public string? SocketPath => _place?.SocketOf(_name);

    /// <summary>Why the session cannot be shared (no shared socket), or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>The grant list now.</summary>
    public IReadOnlyList<SessionGrant> Grants => _grants;

    /// <summary>The peers other than the session's user that have a screen attached now, by uid.</summary>
    public IReadOnlyList<WatcherEntry> Watchers
    {
        get
        {
            lock (_gate)
            {
                return [.. _watchers.Values.OrderBy(w => w.Uid)];
            }
        }
    }

    /// <summary>What <paramref name="peer"/>, who is not the session's user, may do by the grants now.</summary>
    internal PeerRole RoleOf(PeerCredentials peer)
    {
        PeerRole role = PeerRole.None;
        foreach (SessionGrant grant in _grants)
        {
            if (grant.Group ? peer.IsIn(grant.Id) : peer.Uid == grant.Id)
            {
                role = grant.Control ? PeerRole.Control : PeerRole.ReadOnly;
                if (grant.Control)
                {
                    break;
                }
            }
        }

        return role;
    }

    /// <summary>
    /// Adds (or changes) <paramref name="add"/> and takes back <paramref name="remove"/> (all, with
    /// <paramref name="removeAll"/>): the access lists first, then the list the calls are checked against,
    /// then every connection of a peer no longer allowed is closed. Nothing changes when the access lists
    /// cannot be set.
    /// </summary>
    /// <param name="add">Grants to add.</param>
    /// <param name="remove">Grants to take back (by who; what they allowed does not matter).</param>
    /// <param name="removeAll">Take back every grant.</param>
    /// <param name="owner">The session's user, whose connections are never closed.</param>
    /// <returns>Why nothing changed (one line), or null; and the peers whose connections were closed.</returns>
    public (string? Problem, IReadOnlyList<WatcherEntry> Closed) Change(
        IReadOnlyList<SessionGrant> add, IReadOnlyList<SessionGrant> remove, bool removeAll, uint owner)
    {
        ArgumentNullException.ThrowIfNull(add);
        ArgumentNullException.ThrowIfNull(remove);
        if (_place is null)
        {
            return (Problem, []);
        }

        lock (_changing)
        {
            List<SessionGrant> next = removeAll ? [] : [.. _grants.Where(g => !remove.Any(g.SameWho))];
            foreach (SessionGrant grant in add)
            {
                next.RemoveAll(grant.SameWho);
                next.Add(grant);
            }

            if (_place.Allow(_name, next) is { } problem)
            {
                _ = _place.Allow(_name, _grants); // as it was, as far as it goes
                return (problem, []);
            }

            List<(ConnectionContext Connection, PeerCredentials Peer)> refused;
            List<CancellationTokenSource> revoked;
            lock (_gate)
            {
                _grants = [.. next];
                refused = [.. _connections.Where(c => c.Value.Uid != owner && RoleOf(c.Value) == PeerRole.None).Select(c => (c.Key, c.Value))];
                revoked = [.. _screens.Where(s => s.Peer.Uid != owner && RoleOf(s.Peer) == PeerRole.None).Select(s => s.Revoked)];
            }

            // Their screens first end with the reason (PERMISSION_DENIED), then their connections are cut,
            // whatever they still have open: a moment later, so that the reason reaches them first.
            foreach (CancellationTokenSource screen in revoked)
            {
                screen.Cancel();
            }

            if (refused.Count > 0)
            {
                _ = Task.Delay(revoked.Count > 0 ? ReasonFirst : TimeSpan.Zero).ContinueWith(
                    _ =>
                    {
                        foreach ((ConnectionContext connection, PeerCredentials _) in refused)
                        {
                            connection.Abort(new ConnectionAbortedException("the session's user took back its sharing"));
                        }
                    },
                    TaskScheduler.Default);
            }

            return (null, [.. refused.GroupBy(r => r.Peer.Uid).Select(g => new WatcherEntry(g.Key, PeerRole.None, g.Count()))]);
        }
    }

    /// <summary>Keeps <paramref name="connection"/> of <paramref name="peer"/> until it closes (so that it can be closed on a change).</summary>
    internal void Connected(ConnectionContext connection, PeerCredentials peer)
    {
        lock (_gate)
        {
            _connections[connection] = peer;
        }

        _ = connection.ConnectionClosed.Register(() =>
        {
            lock (_gate)
            {
                _ = _connections.Remove(connection);
            }
        });
    }

    /// <summary>How long a revoked peer's screens have to hear why before its connections are cut.</summary>
    public static readonly TimeSpan ReasonFirst = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A screen of <paramref name="peer"/> (not the session's user) attached until the result is disposed;
    /// <paramref name="revoked"/> is cancelled when the peer's grant is taken back.
    /// </summary>
    internal IDisposable Watching(PeerCredentials peer, PeerRole role, out CancellationToken revoked)
    {
        string line;
        IReadOnlyList<WatcherEntry> now;
        CancellationTokenSource screen = new();
        revoked = screen.Token;
        lock (_gate)
        {
            _screens.Add((peer, screen));
            int screens = _watchers.TryGetValue(peer.Uid, out WatcherEntry? known) ? known.Screens : 0;
            _watchers[peer.Uid] = new WatcherEntry(peer.Uid, role, screens + 1);
            now = [.. _watchers.Values.OrderBy(w => w.Uid)];
            line = $"{UserNames.NameOf(peer.Uid)} is watching{(role == PeerRole.Control ? " (and may act)" : " (read-only)")}";
        }

        WatchersChanged?.Invoke(line, now);
        return new Leaving(this, peer.Uid, screen);
    }

    private void Left(uint uid, CancellationTokenSource screen)
    {
        IReadOnlyList<WatcherEntry> now;
        lock (_gate)
        {
            _ = _screens.RemoveAll(s => ReferenceEquals(s.Revoked, screen));
            if (!_watchers.TryGetValue(uid, out WatcherEntry? known))
            {
                return;
            }

            if (known.Screens > 1)
            {
                _watchers[uid] = known with { Screens = known.Screens - 1 };
                return;
            }

            _ = _watchers.Remove(uid);
            now = [.. _watchers.Values.OrderBy(w => w.Uid)];
        }

        WatchersChanged?.Invoke($"{UserNames.NameOf(uid)} stopped watching", now);
    }

    private sealed class Leaving(SessionSharing sharing, uint uid, CancellationTokenSource screen) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                sharing.Left(uid, screen);
                screen.Dispose();
            }
        }
    }
}
