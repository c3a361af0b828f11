using System.Runtime.InteropServices;
using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Streaming;

// Design: docs/decisions/0004-backpressure-and-delivery.md
/// <summary>
/// One subscriber's queue, drained on its delivery scheduler so that a slow subscriber never stalls the
/// supervisor. Lossy (the screen: bounded by dropping) or lossless (records and printed output: bounded
/// by holding back the workers whose output it waits on).
/// </summary>
/// <remarks>
/// <para>
/// Threads: <see cref="Enqueue(SupervisorEvent)"/> is called by the supervisor under its own lock (so in the
/// supervisor's order); the drain runs on the delivery scheduler, one pass at a time, and calls the
/// observer outside this queue's lock. Lock order: supervisor gate, then <see cref="_lock"/>, then the
/// <see cref="OutputFlow"/>'s leaf lock; the drain never takes the supervisor's gate.
/// </para>
/// <para>
/// Two lists: the supervisor appends to <see cref="_pending"/>; the drain swaps it for the empty one and
/// delivers the whole batch outside the lock, so that the two threads meet once per batch, not per event
/// (taking events one lock at a time, the queue's lock was the flood's most contended spot).
/// </para>
/// <para>
/// Lossy bounds: past <see cref="DeliveryLimits.Capacity"/> waiting events (or
/// <see cref="DeliveryLimits.TextChars"/> of waiting text) output lines and samples are dropped; past
/// <see cref="DeliveryLimits.HardCapacity"/> state changes and signals too.
/// </para>
/// <para>
/// Lossless bounds: output lines and results are never dropped. Each one is counted in a
/// <see cref="Backlog"/>, and a worker whose backlog grows too long is held (its pipes are not read, see
/// <see cref="OutputFlow"/>) until the observer has taken enough of it; the hold is decided at enqueue
/// and let go as the drain takes batches. Samples, state changes and signals, which no hold can slow,
/// are dropped only past <see cref="DeliveryLimits.LosslessCapacity"/> waiting: an observer stalled for
/// minutes.
/// </para>
/// <para>
/// Either way spawned, ended and join events are never dropped (there is one of each per worker or per
/// join call), and drops are counted per worker and handed over as <see cref="EventsDropped"/> just
/// before the next event that is queued, so each notice sits where its gap is.
/// </para>
/// </remarks>
internal sealed class SubscriberQueue : IDisposable
{
    private const int BatchesPerPass = 16;

    private readonly Lock _lock = new();
    private readonly IObserver<SupervisorEvent> _observer;
    private readonly IScheduler _scheduler;
    private readonly DeliveryLimits _limits;
    private readonly Dictionary<int, EventsDropped> _drops = []; // key: worker id, 0 for machine-wide
    private readonly Backlog? _backlog; // lossless only
    private readonly OutputFlow? _flow;
    private readonly string _consumer;
    private List<QueuedEvent> _pending = []; // appended to under _lock
    private List<QueuedEvent> _spare = []; // the drain's: the batch it delivers, then empty again
    private long _pendingChars;
    private bool _draining;
    private bool _completing;
    private bool _disposed;

    /// <summary>A lossy subscriber: drops output lines and samples when it falls behind.</summary>
    public SubscriberQueue(IObserver<SupervisorEvent> observer, IScheduler scheduler, DeliveryLimits limits)
    {
        _observer = observer;
        _scheduler = scheduler;
        _limits = limits;
        _consumer = "";
    }

    /// <summary>A lossless subscriber named <paramref name="consumer"/>: holds workers through <paramref name="flow"/> when it falls behind.</summary>
    public SubscriberQueue(IObserver<SupervisorEvent> observer, IScheduler scheduler, DeliveryLimits limits, OutputFlow flow, BacklogLimits backlog, string consumer)
        : this(observer, scheduler, limits)
    {
        _flow = flow;
        _backlog = new Backlog(backlog);
        _consumer = consumer;
    }

    /// <summary>Events waiting to be taken by the drain (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    public void Enqueue(SupervisorEvent e)
    {
        lock (_lock)
        {
            EnqueueLocked(e);
        }
    }

    /// <summary>Several events under one lock (a read's worth of output lines).</summary>
    public void Enqueue(ReadOnlySpan<QueuedEvent> events)
    {
        lock (_lock)
        {
            foreach (QueuedEvent e in events)
            {
                EnqueueLocked(e.Event);
            }
        }
    }

    /// <summary>Delivers what is queued, then OnCompleted.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _completing = true;
            ScheduleDrain();
        }
    }

    /// <summary>Drops what is queued and lets go of every worker held for it.</summary>
    public void Dispose()
    {
        List<WorkerId> released = [];
        lock (_lock)
        {
            _disposed = true;
            _pending.Clear();
            _drops.Clear();
            _backlog?.ReleaseAll(released);
        }

        Release(released);
    }

    private void EnqueueLocked(SupervisorEvent e)
    {
        if (_disposed || _completing)
        {
            return;
        }

        if (_backlog is not null && _drops.Count == 0 && e is OutputLine line)
        {
            // The flood's path in a lossless queue: never dropped, counted, perhaps holding its worker.
            _pending.Add(new QueuedEvent(line));
            if (_backlog.Added(line.Worker, line.Text.Length))
            {
                _flow!.Hold(line.Worker, _consumer);
            }

            ScheduleDrain();
            return;
        }

        if (MustDrop(e))
        {
            CountDrop(e);
            return;
        }

        if (_drops.Count > 0)
        {
            foreach (EventsDropped notice in _drops.Values.OrderBy(d => d.Sequence))
            {
                _pending.Add(new QueuedEvent(notice));
            }

            _drops.Clear();
        }

        _pending.Add(new QueuedEvent(e));
        long chars = TextChars(e);
        _pendingChars += chars;
        if (_backlog is not null && HeldBy(e) is { } worker && _backlog.Added(worker, chars))
        {
            _flow!.Hold(worker, _consumer);
        }

        ScheduleDrain();
    }

    /// <summary>The worker whose pipes a lossless subscriber's backlog of this event can hold; null: holding cannot slow it.</summary>
    private static WorkerId? HeldBy(SupervisorEvent e) => e switch
    {
        OutputLine line => line.Worker,
        ResultRecorded result => result.Worker,
        _ => null,
    };

    private bool MustDrop(SupervisorEvent e)
    {
        if (_backlog is not null)
        {
            return e is ResourceSampled or MachineSampled or WorkerStateChanged or SignalSent or DescendantStateChanged
                && _pending.Count >= _limits.LosslessCapacity;
        }

        return e switch
        {
            OutputLine line => _pending.Count >= _limits.Capacity || _pendingChars + line.Text.Length > _limits.TextChars,
            ResourceSampled or MachineSampled => _pending.Count >= _limits.Capacity,
            WorkerStateChanged or SignalSent or DescendantStateChanged => _pending.Count >= _limits.HardCapacity,
            _ => false,
        };
    }

    private void CountDrop(SupervisorEvent e)
    {
        WorkerId? worker = (e as WorkerEvent)?.Worker;
        int key = worker?.Value ?? 0;
        long lines = e is OutputLine ? 1 : 0;
        _drops[key] = _drops.TryGetValue(key, out EventsDropped? d)
            ? d with { Count = d.Count + 1, OutputLines = d.OutputLines + lines }
            : new EventsDropped(e.Sequence, e.Time, worker, 1, lines);
    }

    private static long TextChars(SupervisorEvent e) => e is OutputLine line ? line.Text.Length : 0;

    private void ScheduleDrain()
    {
        if (!_draining)
        {
            _draining = true;
            _scheduler.Schedule(Drain);
        }
    }

    private void Drain()
    {
        List<WorkerId> released = [];
        for (int pass = 0; pass < BatchesPerPass; pass++)
        {
            List<QueuedEvent> batch;
            lock (_lock)
            {
                if (_disposed)
                {
                    _draining = false;
                    return;
                }

                if (_pending.Count == 0)
                {
                    _draining = false;
                    if (!_completing)
                    {
                        return;
                    }

                    _disposed = true; // OnCompleted is delivered once
                    batch = _spare;
                }
                else
                {
                    (batch, _pending, _spare) = (_pending, _spare, _pending);
                    _pendingChars = 0;
                }
            }

            if (batch.Count == 0)
            {
                _observer.OnCompleted();
                return;
            }

            // A worker is let go as soon as its lines are out of the queue, before the observer takes
            // them: its next lines then arrive while the observer works on these.
            if (_backlog is not null)
            {
                TakeFromBacklog(batch, released);
                Release(released);
            }

            foreach (QueuedEvent e in CollectionsMarshal.AsSpan(batch)) // the drain's own list: nobody else touches it now
            {
                _observer.OnNext(e.Event);
            }

            batch.Clear();
        }

        // Still busy after a long pass: give the scheduler's other work a turn, then go on (_draining stays true).
        _scheduler.Schedule(Drain);
    }

    /// <summary>Counts a taken batch out of the backlog: summed per worker outside the lock, applied under it once.</summary>
    private void TakeFromBacklog(List<QueuedEvent> batch, List<WorkerId> released)
    {
        List<(WorkerId Worker, long Lines, long Chars)> taken = [];
        foreach (QueuedEvent queued in batch)
        {
            if (HeldBy(queued.Event) is not { } worker)
            {
                continue;
            }

            long chars = TextChars(queued.Event);
            if (taken.Count > 0 && taken[^1].Worker == worker)
            {
                taken[^1] = (worker, taken[^1].Lines + 1, taken[^1].Chars + chars); // a flood: one worker's lines in a row
            }
            else
            {
                taken.Add((worker, 1, chars));
            }
        }

        lock (_lock)
        {
            foreach ((WorkerId worker, long lines, long chars) in taken)
            {
                _backlog!.Removed(worker, lines, chars);
            }

            _backlog!.CollectReleases(released);
        }
    }

    private void Release(List<WorkerId> released)
    {
        foreach (WorkerId worker in released)
        {
            _flow!.Release(worker, _consumer);
        }

        released.Clear();
    }
}
