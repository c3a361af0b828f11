using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Sessions.Server;

/// <summary>
/// The output lines a session's history keeps: each worker's newest <see cref="HistoryLimits.LinesPerWorker"/>,
/// and past <see cref="HistoryLimits.Lines"/> over all workers the oldest of any worker go first.
/// </summary>
/// <remarks>
/// <para>
/// Not thread-safe: <see cref="SessionHistory"/> calls it under its lock, which the supervisor's publishing
/// thread takes for every read of every flood, so the work per line is a queue's append and drop.
/// </para>
/// <para>
/// The overall bound needs the oldest kept line of all workers. Rather than an entry per line, the order
/// is kept as runs: one worker's lines in a row (a flood's reads, read after read, are one run). A worker's
/// lines are numbered as they come; a run ends at a number, and is over once its worker's own bound has
/// dropped every line up to it. The front run that is not over holds the oldest line kept, so dropping it
/// is dropping its worker's oldest. Runs that are over leave from the front at once, and from behind a run
/// that is not (a quiet worker's old line) in a sweep once the runs have doubled, so they stay bounded.
/// </para>
/// </remarks>
internal sealed class KeptLines(int perWorker, int overall)
{
    private const int FirstSweep = 1_024;

    private readonly Dictionary<WorkerId, WorkerLines> _byWorker = [];
    private readonly Queue<LineRun> _runs = new(); // oldest first
    private LineRun? _newest; // the last run queued, while it is queued: the next lines of its worker extend it
    private int _sweepAt = FirstSweep;

    /// <summary>Lines kept now, over all workers.</summary>
    public int Count { get; private set; }

    /// <summary>Runs in the order queue (for tests: it stays bounded).</summary>
    public int Runs => _runs.Count;

    /// <summary>Keeps <paramref name="lines"/>, one worker's, in order; drops what the bounds say.</summary>
    public void Add(ReadOnlySpan<OutputLine> lines)
    {
        if (lines.IsEmpty)
        {
            return;
        }

        WorkerLines worker = Of(lines[0].Worker);
        int from = 0;
        if (lines.Length >= perWorker)
        {
            // The worker's own bound would drop everything it has, and the first lines of these, before the
            // last line is in: they are never kept (a flood's reads are hundreds of lines).
            from = lines.Length - perWorker;
            Count -= worker.Lines.Count;
            worker.Lines.Clear();
            worker.Added += from;
            worker.Dropped = worker.Added;
        }

        for (int i = from; i < lines.Length; i++)
        {
            worker.Lines.Enqueue(lines[i]);
            worker.Added++;
            Count++;
            if (worker.Lines.Count > perWorker)
            {
                DropOldest(worker);
            }
        }

        Extend(worker);
        KeepWithinOverall();
    }

    /// <summary>Adds every line kept to <paramref name="into"/>, worker by worker (not in order).</summary>
    public void CopyTo(List<SupervisorEvent> into)
    {
        foreach (WorkerLines worker in _byWorker.Values)
        {
            into.AddRange(worker.Lines);
        }
    }

    private WorkerLines Of(WorkerId id)
    {
        if (!_byWorker.TryGetValue(id, out WorkerLines? worker))
        {
            _byWorker[id] = worker = new WorkerLines();
        }

        return worker;
    }

    private void DropOldest(WorkerLines worker)
    {
        _ = worker.Lines.Dequeue();
        worker.Dropped++;
        Count--;
    }

    private void Extend(WorkerLines worker)
    {
        if (_newest is not null && _newest.Owner == worker)
        {
            _newest.End = worker.Added;
            return;
        }

        _newest = new LineRun(worker, worker.Added);
        _runs.Enqueue(_newest);
        if (_runs.Count > _sweepAt)
        {
            Sweep();
        }
    }

    /// <summary>Lets the runs that are over leave the front, and drops the oldest lines past the overall bound.</summary>
    private void KeepWithinOverall()
    {
        while (_runs.TryPeek(out LineRun? front) && (front.Over || Count > overall))
        {
            if (front.Over)
            {
                _ = _runs.Dequeue();
                _newest = front == _newest ? null : _newest;
            }
            else
            {
                DropOldest(front.Owner); // the front run holds the oldest line kept: its worker's oldest
            }
        }
    }

    private void Sweep()
    {
        LineRun[] live = [.. _runs.Where(r => !r.Over)];
        _runs.Clear();
        foreach (LineRun run in live)
        {
            _runs.Enqueue(run);
        }

        _newest = live.Length > 0 && live[^1] == _newest ? _newest : null;
        _sweepAt = (2 * live.Length) + FirstSweep;
    }

    /// <summary>One worker's kept lines: the queue holds its lines numbered <see cref="Dropped"/> + 1 to <see cref="Added"/>.</summary>
    private sealed class WorkerLines
    {
        public Queue<OutputLine> Lines { get; } = new();

        public long Added { get; set; }

        public long Dropped { get; set; }
    }

    /// <summary>Lines of <see cref="Owner"/> in a row, up to its line numbered <see cref="End"/>.</summary>
    private sealed class LineRun(WorkerLines owner, long end)
    {
        public WorkerLines Owner { get; } = owner;

        public long End { get; set; } = end;

        public bool Over => Owner.Dropped >= End;
    }
}
