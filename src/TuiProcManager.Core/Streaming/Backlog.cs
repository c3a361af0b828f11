using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
/// <para>Not thread-safe: used under its subscriber queue's lock.</para>
/// </remarks>
internal sealed class Backlog(BacklogLimits limits)
{
    private readonly Dictionary<WorkerId, (long Lines, long Chars)> _queued = [];
    private readonly HashSet<WorkerId> _held = [];
    private long _lines;
    private long _chars;

    /// <summary>Workers held now.</summary>
    public IReadOnlyCollection<WorkerId> Held => _held;

    /// <summary>Counts a queued line; true when the worker must be held from now on.</summary>
    public bool Added(WorkerId worker, long chars)
    {
        ref (long Lines, long Chars) q = ref CollectionsMarshal.GetValueRefOrAddDefault(_queued, worker, out _);
        q = (q.Lines + 1, q.Chars + chars);
        (long lines, long text) = q;
        _lines++;
        _chars += chars;
        if (_held.Contains(worker))
        {
            return false;
        }

        bool over = lines > limits.WorkerLines || text > limits.WorkerChars
            || ((_lines > limits.TotalLines || _chars > limits.TotalChars) && lines >= limits.MinLinesToHold);
        return over && _held.Add(worker);
    }

    /// <summary>Counts a line handed to the consumer.</summary>
    public void Removed(WorkerId worker, long chars)
    {
        ref (long Lines, long Chars) q = ref CollectionsMarshal.GetValueRefOrNullRef(_queued, worker);
        if (Unsafe.IsNullRef(ref q))
        {
            return;
        }

        _lines--;
        _chars -= chars;
        if (q.Lines <= 1)
        {
            _queued.Remove(worker);
        }
        else
        {
            q = (q.Lines - 1, q.Chars - chars);
        }
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
            (long lines, long chars) = _queued.TryGetValue(worker, out (long, long) q) ? q : (0, 0);
            if (lines <= limits.WorkerLines / 4 && chars <= limits.WorkerChars / 4)
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
}
