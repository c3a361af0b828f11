namespace TuiProcManager.Sessions.Server;

/// <summary>
/// When a session with nobody attached ends (lab servers are shared): with no live worker, after
/// <see cref="IdleLimit"/>; with live workers, after the session's linger (<c>--linger</c>, or never),
/// counted from when the last client left. A client attaching stops the count; the deadline is shown by
/// <c>tuiproc ls</c> and in the header.
/// </summary>
/// <remarks>
/// Called from any thread (clients come and go on Kestrel's threads, workers end on the supervisor's);
/// <c>expired</c> is called once, on a timer thread, outside the lock.
/// </remarks>
public sealed class SessionLinger : IDisposable
{
    /// <summary>How long a session with no client and no live worker stays.</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(1);

    /// <summary>The default of <c>--linger</c>.</summary>
    public static readonly TimeSpan DefaultLinger = TimeSpan.FromHours(2);

    private readonly object _gate = new();
    private readonly TimeSpan? _linger;
    private readonly TimeProvider _time;
    private readonly Func<int> _alive;
    private readonly Action _expired;
    private readonly ITimer _timer;
    private int _clients;
    private DateTimeOffset? _unattachedSince;
    private DateTimeOffset? _idleSince;
    private bool _fired;

    /// <summary>A linger for a session that has just started (nobody attached yet).</summary>
    /// <param name="linger">How long live workers may run with nobody attached; null: for ever.</param>
    /// <param name="time">The clock.</param>
    /// <param name="alive">How many workers are alive now.</param>
    /// <param name="expired">Ends the session (terminates its workers first).</param>
    public SessionLinger(TimeSpan? linger, TimeProvider time, Func<int> alive, Action expired)
    {
        ArgumentNullException.ThrowIfNull(time);
        _linger = linger;
        _time = time;
        _alive = alive;
        _expired = expired;
        _timer = time.CreateTimer(_ => Check(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _unattachedSince = time.GetUtcNow();
        Recompute();
    }

    /// <summary>The linger given (null: never).</summary>
    public TimeSpan? Linger => _linger;

    /// <summary>Clients attached now.</summary>
    public int Clients
    {
        get
        {
            lock (_gate)
            {
                return _clients;
            }
        }
    }

    /// <summary>When the session ends if nobody attaches; null while someone is attached, or never.</summary>
    public DateTimeOffset? EndsAt
    {
        get
        {
            lock (_gate)
            {
                return Deadline();
            }
        }
    }

    /// <summary>A client attached (a screen or a follower).</summary>
    public void ClientAttached()
    {
        lock (_gate)
        {
            _clients++;
            Recompute();
        }
    }

    /// <summary>A client left, in whatever way.</summary>
    public void ClientDetached()
    {
        lock (_gate)
        {
            _clients--;
            Recompute();
        }
    }

    /// <summary>A worker was spawned or ended.</summary>
    public void WorkersChanged()
    {
        lock (_gate)
        {
            Recompute();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    private DateTimeOffset? Deadline() =>
        _clients > 0 ? null
        : _idleSince is { } idle ? idle + IdleLimit
        : _linger is { } linger && _unattachedSince is { } since ? since + linger
        : null;

    private void Recompute()
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (_clients > 0)
        {
            _unattachedSince = null;
            _idleSince = null;
        }
        else
        {
            _unattachedSince ??= now;
            _idleSince = _alive() == 0 ? _idleSince ?? now : null;
        }

        TimeSpan due = Deadline() is { } at ? Max(at - now, TimeSpan.Zero) : Timeout.InfiniteTimeSpan;
        _ = _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private void Check()
    {
        lock (_gate)
        {
            if (_fired || Deadline() is not { } at)
            {
                return; // someone attached since the timer was set
            }

            DateTimeOffset now = _time.GetUtcNow();
            if (at > now)
            {
                // Early: a timer may fire a little before the clock it is read against says it is due, and
                // the deadline may have moved on (a worker ended). Set again for what is left.
                _ = _timer.Change(at - now, Timeout.InfiniteTimeSpan);
                return;
            }

            _fired = true;
        }

        _expired();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
