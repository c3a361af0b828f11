using TuiProcManager.Core.Events;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Sessions.Server;

/// <summary>
/// The session's past, kept for screens that attach later (<see cref="HistoryLimits"/>): every lifecycle,
/// join, result, pool and scheduling event, and the newest output lines (<see cref="KeptLines"/>), samples and
/// state changes of each worker. A tap of the supervisor (<see cref="Core.Supervision.Supervisor.Tap"/>):
/// it is handed every event as it is published, so what it keeps has no holes, and it costs no queue and
/// no thread (through a lossless queue of its own, a million-line flood cost it a third of the server's CPU).
/// </summary>
/// <remarks>
/// <para>
/// Threads: <see cref="OnEvent"/> and <see cref="OnLines"/> run under the supervisor's gate, so they only
/// keep, under <see cref="_gate"/>, a leaf lock; <see cref="Until"/> holds that lock only to copy
/// references, and filters and sorts outside it. <see cref="WorkersChanged"/> is raised on the publishing
/// thread too, under the supervisor's gate and outside this lock: its handler must be as quick.
/// </para>
/// <para>
/// An attaching screen takes the supervisor's paced stream, whose first event is a snapshot at sequence S,
/// then asks <see cref="Until"/>(S). Fed as a tap, the history has reached S before the snapshot is even
/// delivered; <see cref="Until"/> still waits for it, for a history fed otherwise. Events after S come on the
/// screen's own stream: none is missing between the two, and none is doubled.
/// </para>
/// </remarks>
public sealed class SessionHistory : IEventTap
{
    private readonly object _gate = new();
    private readonly HistoryLimits _limits;
    private readonly List<SupervisorEvent> _kept = [];
    private readonly KeptLines _lines;
    private readonly Dictionary<WorkerId, Queue<SupervisorEvent>> _samples = [];
    private readonly Dictionary<WorkerId, Queue<SupervisorEvent>> _changes = [];
    private readonly Queue<SupervisorEvent> _machine = new();
    private SupervisorSnapshot? _start;
    private long _last;
    private int _waiters; // in Until's Monitor.Wait: OnEvent and OnLines pulse only then (a pulse looks up the lock's sync block, every event of a flood)
    private int _spawned;
    private int _ended;
    private bool _completed;

    /// <summary>An empty history.</summary>
    public SessionHistory(HistoryLimits? limits = null)
    {
        _limits = limits ?? new HistoryLimits();
        _lines = new KeptLines(_limits.LinesPerWorker, _limits.Lines);
    }

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
        List<SupervisorEvent> all;
        SupervisorSnapshot? start;
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

            all = new(_kept.Count + _lines.Count + 64);
            all.AddRange(_kept);
            _lines.CopyTo(all);
            AddAll(all, _samples);
            AddAll(all, _changes);
            all.AddRange(_machine);
            start = _start;
        }

        // Outside the lock, which the publishing thread takes for every read (under the supervisor's gate): the
        // copy above is of references only; filtering and sorting a hundred thousand lines are done here.
        all.RemoveAll(e => e.Sequence > sequence);
        all.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        all.Insert(0, start ?? new SupervisorSnapshot(0, DateTimeOffset.UnixEpoch, []));
        return all;
    }

    /// <inheritdoc />
    public void OnEvent(SupervisorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        bool workers;
        lock (_gate)
        {
            workers = KeepLocked(e);
            Advanced();
        }

        if (workers)
        {
            WorkersChanged?.Invoke();
        }
    }

    /// <inheritdoc />
    public void OnLines(ReadOnlySpan<OutputLine> lines)
    {
        if (lines.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Add(lines);
            _last = Math.Max(_last, lines[^1].Sequence);
            Advanced();
        }
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
                _lines.Add(new ReadOnlySpan<OutputLine>(in line));
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
    public void OnCompleted()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    private static void Keep(Dictionary<WorkerId, Queue<SupervisorEvent>> by, WorkerId worker, SupervisorEvent e, int bound)
    {
        if (!by.TryGetValue(worker, out Queue<SupervisorEvent>? q))
        {
            by[worker] = q = new Queue<SupervisorEvent>();
        }

        q.Enqueue(e);
        if (q.Count > bound)
        {
            _ = q.Dequeue();
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
                return _lines.Count;
            }
        }
    }

    /// <summary>For tests: the runs in the lines' order queue (<see cref="KeptLines.Runs"/>).</summary>
    internal int OrderRuns
    {
        get
        {
            lock (_gate)
            {
                return _lines.Runs;
            }
        }
    }
}
