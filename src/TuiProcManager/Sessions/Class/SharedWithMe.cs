using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Runtime;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Class;

/// <summary>
/// The sessions on this host that other users share with this one, for a teacher's class view: found in
/// the shared directories (<see cref="SharedSessions"/>) at each <see cref="RefreshAsync"/>, a connection
/// kept to each, and its Status asked, all at once. A session not shared with this user (its directory
/// refuses the connect) is not a row; one that ends leaves the list.
/// </summary>
/// <remarks>
/// One refresh at a time (the caller awaits each); within one, the sessions are asked in parallel, so the
/// tables are taken under a lock. A connection that fails is dropped and tried again at the next refresh; a
/// socket this user may not reach is tried again only after <see cref="RetryRefused"/>, so that a host of a
/// hundred sessions, most of them not shared, costs little more than a directory listing a second.
/// </remarks>
internal sealed class SharedWithMe : IAsyncDisposable
{
    private readonly string _root;
    private readonly uint _me;
    private readonly Dictionary<string, SessionConnection> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTime> _refused = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SessionStatus> _lastSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (GoneSession Gone, DateTime Since)> _gone = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>How long a session that stopped answering stays a row saying so.</summary>
    public static readonly TimeSpan KeepGone = TimeSpan.FromMinutes(5);

    /// <summary>The sessions seen answering a moment ago that no longer do, as they last answered, and why (<see cref="KeepGone"/>).</summary>
    public IReadOnlyList<GoneSession> Gone
    {
        get
        {
            lock (_gate)
            {
                foreach (string old in _gone.Where(g => DateTime.UtcNow - g.Value.Since > KeepGone).Select(g => g.Key).ToList())
                {
                    _ = _gone.Remove(old);
                }

                return [.. _gone.Values.Select(g => g.Gone)];
            }
        }
    }

    /// <summary>How long a session that refused this user is left alone before it is tried again (a share may have come).</summary>
    public static readonly TimeSpan RetryRefused = TimeSpan.FromSeconds(5);

    /// <param name="environment">Reads an environment variable (TUIPROC_SHARED_DIR).</param>
    public SharedWithMe(Func<string, string?> environment)
    {
        _me = Linux.Hosting.UserIdentity.EffectiveUid;
        _root = Path.GetDirectoryName(SharedSessions.Of(_me, environment).UserDirectory)!;
    }

    /// <summary>The Status of every session shared with this user now, ordered by user and name.</summary>
    public async Task<IReadOnlyList<SessionStatus>> RefreshAsync(CancellationToken cancellationToken)
    {
        List<(string Key, string Socket)> found = [];
        Dictionary<string, uint> owners = new(StringComparer.Ordinal);
        foreach (SharedSessions user in SharedSessions.AllUnder(_root).Where(u => u.Owner != _me))
        {
            foreach (string name in user.Names())
            {
                string socket = user.SocketOf(name);
                if (user.ClientProblem(name) is null)
                {
                    found.Add((socket, socket));
                    owners[socket] = user.Owner;
                }
            }
        }

        List<string> gone;
        lock (_gate)
        {
            gone = [.. _open.Keys.Except(found.Select(f => f.Key))];
        }

        foreach (string key in gone)
        {
            MarkGone(key, "it ended");
            await Close(key).ConfigureAwait(false);
        }

        SessionStatus?[] statuses = await Task.WhenAll(found.Select(async f =>
        {
            // A server before revision 4 does not say whose it is; the directory it is in does.
            SessionStatus? status = await StatusAsync(f.Key, f.Socket, owners[f.Key], cancellationToken).ConfigureAwait(false);
            if (status is { Owner.Length: 0 })
            {
                status.Owner = UserNames.NameOf(owners[f.Key]);
            }

            return status;
        })).ConfigureAwait(false);
        return [.. statuses.OfType<SessionStatus>().OrderBy(s => s.Owner, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        List<string> open;
        lock (_gate)
        {
            open = [.. _open.Keys];
        }

        foreach (string key in open)
        {
            await Close(key).ConfigureAwait(false);
        }
    }

    private async Task<SessionStatus?> StatusAsync(string key, string socket, uint owner, CancellationToken cancellationToken)
    {
        SessionConnection? connection;
        lock (_gate)
        {
            if (_refused.TryGetValue(key, out DateTime when) && DateTime.UtcNow - when < RetryRefused)
            {
                return null; // not shared with us a moment ago
            }

            _ = _open.TryGetValue(key, out connection);
        }

        try
        {
            if (connection is null)
            {
                connection = await SessionConnection.OpenAsync(SessionChannel.ForSocket(socket), "class", cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    _open[key] = connection;
                }
            }

            SessionStatus status = await connection.StatusAsync().ConfigureAwait(false);
            lock (_gate)
            {
                _lastSeen[key] = status;
                _ = _gone.Remove(key);
            }

            return status;
        }
        catch (Exception e) when (e is SessionException or ObjectDisposedException or OperationCanceledException)
        {
            if (e is SessionException { Refused: true } || IsAccessDenied(e))
            {
                lock (_gate)
                {
                    _refused[key] = DateTime.UtcNow;
                }
            }

            else if (SessionUnreachableException.ReasonIn(e) == System.Net.Sockets.SocketError.ConnectionRefused)
            {
                // Our connect reached the socket (so it is shared with us) and nobody listens: its server died.
                MarkGone(key, "its server is gone (killed, or the machine restarted)", new SessionStatus { Name = Path.GetFileName(Path.GetDirectoryName(socket)) ?? "", Owner = UserNames.NameOf(owner) });
            }
            else
            {
                MarkGone(key, File.Exists(socket) ? "its server stopped answering" : "it ended");
            }

            await Close(key).ConfigureAwait(false);
            return null; // not shared with us, or gone: not a live row
        }
    }

    /// <summary>A session seen before that no longer answers (or whose directory went) is a row saying so for a while.</summary>
    private void MarkGone(string key, string why, SessionStatus? unseen = null)
    {
        lock (_gate)
        {
            if (_lastSeen.Remove(key, out SessionStatus? last) || (last = unseen) is not null)
            {
                _gone[key] = (new GoneSession { Last = last, Why = why }, _gone.TryGetValue(key, out (GoneSession Gone, DateTime Since) was) ? was.Since : DateTime.UtcNow);
            }
        }
    }

    private static bool IsAccessDenied(Exception e) => SessionUnreachableException.ReasonIn(e) == System.Net.Sockets.SocketError.AccessDenied;

    private async Task Close(string key)
    {
        SessionConnection? connection;
        lock (_gate)
        {
            _ = _open.Remove(key, out connection);
        }

        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
