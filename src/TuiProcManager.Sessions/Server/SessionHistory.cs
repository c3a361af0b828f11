using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Sessions.Server;

/// <summary>
/// The session's past, kept for screens that attach later (<see cref="HistoryLimits"/>): every lifecycle,
/// join, result, pool and scheduling event, and the newest output lines, samples and state changes of each
/// worker. Fed by a lossless subscription of its own, so that what it keeps has no holes; it only appends
/// under its lock, so it never holds a worker back in practice.
/// </summary>
/// <remarks>
/// An attaching screen takes the supervisor's paced stream, whose first event is a snapshot at sequence S,
/// then asks <see cref="Until"/>(S): this history may still be a few events short of S (its subscription is
/// delivered on another thread), so <see cref="Until"/> waits for it to reach S. Events after S come on the
/// screen's own stream: none is missing between the two, and none is doubled.
/// </remarks>
public sealed class SessionHistory : IObserver<SupervisorEvent>, IObserver<IReadOnlyList<SupervisorEvent>>
{
    private readonly object _gate = new();
    private readonly HistoryLimits _limits;
    private readonly List<SupervisorEvent> _kept = [];
    private readonly Dictionary<WorkerId, Queue<SupervisorEvent>> _lines = [];
    private readonly Dictionary<WorkerId, Queue<SupervisorEvent>> _samples = [];
    private readonly Dictionary<WorkerId, Queue<SupervisorEvent>> _changes = [];
    private readonly Queue<SupervisorEvent> _machine = new();
    private readonly Queue<(WorkerId Worker, long Sequence)> _lineOrder = new(); // every kept line, oldest first, for the overall bound
    private SupervisorSnapshot? _start;
    private long _last;
    private int _lineCount;
    private int _waiters; // in Until's Monitor.Wait: OnNext pulses only then (a pulse looks up the lock's sync block, every event of a flood)
    private int _spawned;
    private int _ended;
    private bool _completed;

    /// <summary>An empty history.</summary>
    public SessionHistory(HistoryLimits? limits = null) => _limits = limits ?? new HistoryLimits();

    /// <summary>Raised, outside the lock, when a worker was spawned or ended (the linger watches it).</summary>
    public event Action? WorkersChanged;

    /// <summary>Workers spawned so far.</summary>
    public int Spawned
    {
        get
        {
            lock (_gate)
            {
                return _spawned;
            }
        }
    }

    /// <summary>Workers spawned and not yet ended.</summary>
    public int Alive
    {
        get
        {
            lock (_gate)
            {
                return _spawned - _ended;
            }
        }
    }

    /// <summary>The sequence of the last event kept or passed over.</summary>
    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>
    /// What is kept of the events up to <paramref name="sequence"/>, in order, after a snapshot of the session
    /// as it began; waits (up to <paramref name="timeout"/>) for the history to have reached it.
    /// </summary>
    /// <returns>Null when the history did not reach <paramref name="sequence"/> in time.</returns>
    public IReadOnlyList<SupervisorEvent>? Until(long sequence, TimeSpan timeout)
    {
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_gate)
        {
            while (_last < sequence && !_completed)
            {
                long left = deadline - Environment.TickCount64;
                bool woken = false;
                if (left > 0)
                {
                    _waiters++;
                    try
                    {
                        woken = Monitor.Wait(_gate, TimeSpan.FromMilliseconds(left));
                    }
                    finally
                    {
                        _waiters--;
                    }
                }

                if (!woken)
                {
                    if (_last < sequence && !_completed)
                    {
                        return null;
                    }
                }
            }

            List<SupervisorEvent> all = new(_kept.Count + _lineCount + 64);
            all.AddRange(_kept);
            AddAll(all, _lines);
            AddAll(all, _samples);
            AddAll(all, _changes);
            all.AddRange(_machine);
            all.RemoveAll(e => e.Sequence > sequence);
            all.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
            all.Insert(0, _start ?? new SupervisorSnapshot(0, DateTimeOffset.UnixEpoch, []));
            return all;
        }
    }

    /// <inheritdoc />
    public void OnNext(SupervisorEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        bool workers;
        lock (_gate)
        {
            workers = KeepLocked(value);
            Advanced();
        }

        if (workers)
        {
            WorkersChanged?.Invoke();
        }
    }

    /// <summary>
    /// A batch of events in order (<see cref="Core.Supervision.Supervisor.LosslessBatches"/>), under one lock: a
    /// worker's output lines that its own bound would drop before the batch ends are never kept (in a flood,
    /// all but its last <see cref="HistoryLimits.LinesPerWorker"/> of the batch).
    /// </summary>
    public void OnNext(IReadOnlyList<SupervisorEvent> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        bool workers = false;
        lock (_gate)
        {
            Dictionary<WorkerId, int>? linesLeft = value.Count > _limits.LinesPerWorker ? LinesPerWorker(value) : null;
            foreach (SupervisorEvent e in value)
            {
                if (linesLeft is not null && e is OutputLine line)
                {
                    int left = linesLeft[line.Worker]--; // this worker's lines from this one to the batch's end
                    if (left > _limits.LinesPerWorker)
                    {
                        _last = Math.Max(_last, e.Sequence);
                        continue;
                    }
                }

                workers |= KeepLocked(e);
            }

            Advanced();
        }

        if (workers)
        {
            WorkersChanged?.Invoke();
        }
    }

    private static Dictionary<WorkerId, int> LinesPerWorker(IReadOnlyList<SupervisorEvent> batch)
    {
        Dictionary<WorkerId, int> lines = [];
        foreach (SupervisorEvent e in batch)
        {
            if (e is OutputLine line)
            {
                lines[line.Worker] = lines.GetValueOrDefault(line.Worker) + 1;
            }
        }

        return lines;
    }

    /// <summary>Keeps <paramref name="value"/> as its kind is kept (under the lock); true when a worker was spawned or ended.</summary>
    private bool KeepLocked(SupervisorEvent value)
    {
        bool workers = false;
        switch (value)
        {
            case SupervisorSnapshot s:
                _start ??= s; // the subscription's first event: the session as it was when the history began
                break;
            case OutputLine line:
                KeepLine(line);
                break;
            case ResourceSampled sample:
                Keep(_samples, sample.Worker, sample, _limits.SamplesPerWorker);
                break;
            case MachineSampled machine:
                _machine.Enqueue(machine);
                if (_machine.Count > _limits.SamplesPerWorker)
                {
                    _ = _machine.Dequeue();
                }

                break;
            case WorkerStateChanged or SignalSent or WorkerScheduled or DescendantStateChanged or WorkerOutputHeld:
                Keep(_changes, ((WorkerEvent)value).Worker, value, _limits.ChangesPerWorker);
                break;
            case EventsDropped:
                break; // its own subscription's gap, not the session's: nothing to show a screen
            default:
                _kept.Add(value);
                workers = value is WorkerSpawned or WorkerEnded;
                _spawned += value is WorkerSpawned ? 1 : 0;
                _ended += value is WorkerEnded ? 1 : 0;
                break;
        }

        _last = Math.Max(_last, value.Sequence);
        return workers;
    }

    /// <summary>Wakes an <see cref="Until"/> that waits (under the lock).</summary>
    private void Advanced()
    {
        if (_waiters > 0)
        {
            Monitor.PulseAll(_gate);
        }
    }

    /// <inheritdoc />
    public void OnError(Exception error) => Complete();

    /// <inheritdoc />
    public void OnCompleted() => Complete();

    private void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    private void KeepLine(OutputLine line)
    {
        Keep(_lines, line.Worker, line, _limits.LinesPerWorker, counted: true);
        _lineOrder.Enqueue((line.Worker, line.Sequence));
        while (_lineOrder.TryPeek(out (WorkerId Worker, long Sequence) oldest)
            && (!IsKept(oldest) || _lineCount > _limits.Lines))
        {
            // The oldest entry is of a line its worker's own bound dropped already (one flooding worker: every
            // line past its 2,000th), or the overall bound is passed and its line goes now.
            _ = _lineOrder.Dequeue();
            if (IsKept(oldest))
            {
                _ = _lines[oldest.Worker].Dequeue();
                _lineCount--;
            }
        }

        // Entries of dropped lines behind a kept one (a quiet worker's old line holds the front) are swept once
        // they are as many again as the bound, so that the order queue stays bounded too.
        if (_lineOrder.Count > 2 * _limits.Lines + 1024)
        {
            (WorkerId, long)[] still = [.. _lineOrder.Where(IsKept)];
            _lineOrder.Clear();
            foreach ((WorkerId, long) o in still)
            {
                _lineOrder.Enqueue(o);
            }
        }
    }

    /// <summary>
    /// Whether the line of an order entry is still kept: a worker's lines are dropped from the front of its
    /// queue only, in sequence order, so it is kept when it is not older than its worker's oldest kept line.
    /// </summary>
    private bool IsKept((WorkerId Worker, long Sequence) entry) =>
        _lines.TryGetValue(entry.Worker, out Queue<SupervisorEvent>? q) && q.TryPeek(out SupervisorEvent? first) && first.Sequence <= entry.Sequence;

    private void Keep(Dictionary<WorkerId, Queue<SupervisorEvent>> by, WorkerId worker, SupervisorEvent e, int bound, bool counted = false)
    {
        if (!by.TryGetValue(worker, out Queue<SupervisorEvent>? q))
        {
            by[worker] = q = new Queue<SupervisorEvent>();
        }

        q.Enqueue(e);
        _lineCount += counted ? 1 : 0;
        if (q.Count > bound)
        {
            _ = q.Dequeue();
            _lineCount -= counted ? 1 : 0;
        }
    }

    private static void AddAll(List<SupervisorEvent> all, Dictionary<WorkerId, Queue<SupervisorEvent>> by)
    {
        foreach (Queue<SupervisorEvent> q in by.Values)
        {
            all.AddRange(q);
        }
    }

    /// <summary>For tests: the number of output lines kept.</summary>
    internal int LinesKept
    {
        get
        {
            lock (_gate)
            {
                return _lineCount;
            }
        }
    }

    /// <summary>For tests: the entries of the lines' order queue (kept lines, and dropped ones not yet passed over).</summary>
    internal int OrderEntries
    {
        get
        {
            lock (_gate)
            {
                return _lineOrder.Count;
            }
        }
    }
}
