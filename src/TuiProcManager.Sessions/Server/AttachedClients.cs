using TuiProcManager.Core.Supervision;

namespace TuiProcManager.Sessions.Server;

/// <summary>
/// What a session does as its clients (screens and followers) come and go: the linger counts them, the
/// collector gives the server's spare memory back once the last has left, and the supervisor is told
/// whether anyone watches (nobody: its state polls may rest, see <see cref="Supervisor.SetWatched"/>).
/// A spectator (a peer the session is shared with read-only) is watching too, but does not keep the session
/// alive: the linger does not count it, so a teacher who watches overnight keeps no student's workers.
/// </summary>
/// <remarks>
/// Called from Kestrel's threads. One lock orders each count with what the supervisor is told: a client
/// attaching while another leaves must leave the supervisor watched, not told "nobody" last.
/// </remarks>
internal sealed class AttachedClients
{
    private readonly Lock _gate = new();
    private readonly SessionLinger _linger;
    private readonly Supervisor _supervisor;
    private readonly QuietCollector _collector;
    private int _spectators;

    /// <summary>Nobody attached yet: the supervisor is told so.</summary>
    public AttachedClients(SessionLinger linger, Supervisor supervisor, QuietCollector collector)
    {
        _linger = linger;
        _supervisor = supervisor;
        _collector = collector;
        _supervisor.SetWatched(linger.Clients > 0);
    }

    /// <summary>A client attached; a spectator's does not keep the session from lingering out.</summary>
    public void Attached(bool spectator = false)
    {
        lock (_gate)
        {
            if (spectator)
            {
                _spectators++;
            }
            else
            {
                _linger.ClientAttached();
            }

            ClientsChanged();
        }
    }

    /// <summary>A client left, in whatever way.</summary>
    public void Detached(bool spectator = false)
    {
        lock (_gate)
        {
            if (spectator)
            {
                _spectators--;
            }
            else
            {
                _linger.ClientDetached();
            }

            ClientsChanged();
        }
    }

    private void ClientsChanged()
    {
        int clients = _linger.Clients + _spectators;
        _collector.ClientsNow(clients); // nobody left: the attach's garbage goes back soon
        _supervisor.SetWatched(clients > 0);
    }
}
