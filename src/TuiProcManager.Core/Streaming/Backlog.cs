using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Streaming;

/// <summary>
/// What one lossless subscriber has queued of each worker's output, and which workers it holds for that.
/// </summary>
/// <remarks>
/// <para>
/// A worker is held once it has more than <see cref="BacklogLimits.WorkerLines"/> lines (or
/// <see cref="BacklogLimits.WorkerChars"/> characters) queued, or once everyone's backlog passes the
/// total limits and it has at least <see cref="BacklogLimits.MinLinesToHold"/> lines queued. It is let go
/// with hysteresis, so that a consumer that keeps up on average does not hold and release a flooding
/// worker on every line: when its own backlog is down to a quarter of the worker limits and the total to
/// half of the total limits.
/// </para>
/// <para>
/// Not thread-safe: used under its subscriber queue's lock. Counted for every line of a flood, so the
/// worker last counted is kept at hand (a flood is one worker's lines in a row) and a worker's counter,
/// once made, stays: one small object per worker that ever wrote.
/// </para>
/// </remarks>
internal sealed class Backlog(BacklogLimits limits)
{
    private readonly Dictionary<WorkerId, Counter> _queued = [];
    private readonly HashSet<WorkerId> _held = [];
    private Counter? _lastAdded;
    private Counter? _lastRemoved;
    private long _lines;
    private long _chars;

    private sealed class Counter(WorkerId worker)
    {
        public WorkerId Worker { get; } = worker;

        public long Lines { get; set; }

        public long Chars { get; set; }
    }

    /// <summary>Workers held now.</summary>
    public IReadOnlyCollection<WorkerId> Held => _held;

    /// <summary>Counts a queued line; true when the worker must be held from now on.</summary>
    public bool Added(WorkerId worker, long chars)
    {
        Counter c = _lastAdded?.Worker == worker ? _lastAdded : (_lastAdded = Of(worker));
        c.Lines++;
        c.Chars += chars;
        _lines++;
        _chars += chars;
        if (_held.Count > 0 && _held.Contains(worker))
        {
            return false;
        }

        bool over = c.Lines > limits.WorkerLines || c.Chars > limits.WorkerChars
            || ((_lines > limits.TotalLines || _chars > limits.TotalChars) && c.Lines >= limits.MinLinesToHold);
        return over && _held.Add(worker);
    }

    /// <summary>Counts <paramref name="lines"/> lines of <paramref name="worker"/> handed to the consumer.</summary>
    public void Removed(WorkerId worker, long lines, long chars)
    {
        Counter c = _lastRemoved?.Worker == worker ? _lastRemoved : (_lastRemoved = Of(worker));
        lines = Math.Min(lines, c.Lines);
        c.Lines -= lines;
        c.Chars -= chars;
        _lines -= lines;
        _chars -= chars;
    }

    /// <summary>Lets go of the held workers that are far enough behind us now, adding them to <paramref name="released"/>.</summary>
    public void CollectReleases(List<WorkerId> released)
    {
        if (_held.Count == 0 || _lines > limits.TotalLines / 2 || _chars > limits.TotalChars / 2)
        {
            return;
        }

        foreach (WorkerId worker in _held)
        {
            Counter c = Of(worker);
            if (c.Lines <= limits.WorkerLines / 4 && c.Chars <= limits.WorkerChars / 4)
            {
                released.Add(worker);
            }
        }

        foreach (WorkerId worker in released)
        {
            _held.Remove(worker);
        }
    }

    /// <summary>Lets go of every worker (the subscriber is gone), adding them to <paramref name="released"/>.</summary>
    public void ReleaseAll(List<WorkerId> released)
    {
        released.AddRange(_held);
        _held.Clear();
    }

    private Counter Of(WorkerId worker)
    {
        if (!_queued.TryGetValue(worker, out Counter? c))
        {
            _queued[worker] = c = new Counter(worker);
        }

        return c;
    }
}
