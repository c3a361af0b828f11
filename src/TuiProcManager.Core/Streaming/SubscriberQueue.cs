using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Streaming;

// Design: docs/decisions/0004-backpressure-and-delivery.md
/// <summary>
/// One subscriber's queue, so that a slow subscriber never stalls the supervisor. Lossy (screens: bounded by
/// dropping, see <see cref="LossyBounds"/>) or lossless (records and printed output: bounded by holding back
/// the workers whose output it waits on, see <see cref="LosslessBackpressure"/>); delivered by its
/// <see cref="IQueueDelivery"/>, event by event or in batches paced for a screen.
/// </summary>
/// <remarks>
/// <para>
/// Threads: <see cref="Enqueue(SupervisorEvent)"/> is called by the supervisor under its own lock (so in the
/// supervisor's order); the delivery takes what waits on its own threads, one take at a time, and calls the
/// observer outside this queue's lock. Lock order: supervisor gate, then <see cref="_lock"/>, then the
/// <see cref="OutputFlow"/>'s leaf lock; the delivery never takes the supervisor's gate.
/// </para>
/// <para>
/// Two lists: the supervisor appends to <see cref="_waiting"/>; a take swaps it for the delivery's empty one,
/// which then delivers the whole batch outside the lock, so that the two threads meet once per batch, not
/// per event (taking events one lock at a time, the queue's lock was the flood's most contended spot).
/// </para>
/// <para>
/// Idle costs nothing: a delivery is started by the first event that finds the queue idle
/// (<see cref="_delivering"/> false) and ends, the queue idle again, by the take that finds nothing waiting.
/// </para>
/// </remarks>
internal sealed class SubscriberQueue : IDisposable
{
    private readonly Lock _lock = new();
    private readonly IQueueDelivery _delivery;
    private readonly LossyBounds? _bounds; // lossy only
    private readonly LosslessBackpressure? _backpressure; // lossless only
    private List<QueuedEvent> _waiting = []; // appended to under _lock
    private bool _delivering; // a delivery is scheduled or under way
    private bool _completing;
    private bool _disposed;

    private SubscriberQueue(IQueueDelivery delivery, LossyBounds? bounds, LosslessBackpressure? backpressure)
    {
        _delivery = delivery;
        _bounds = bounds;
        _backpressure = backpressure;
    }

    /// <summary>Events waiting to be taken by the delivery (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>A lossy subscriber: drops the oldest output lines and samples when it falls behind (<see cref="LossyBounds"/>).</summary>
    public static SubscriberQueue Lossy(IQueueDelivery delivery, DeliveryLimits limits) =>
        new(delivery, new LossyBounds(limits), null);

    /// <summary>A lossless subscriber named <paramref name="consumer"/>: holds workers through <paramref name="flow"/> when it falls behind.</summary>
    public static SubscriberQueue Lossless(IQueueDelivery delivery, DeliveryLimits limits, OutputFlow flow, BacklogLimits backlog, string consumer) =>
        new(delivery, null, new LosslessBackpressure(limits, flow, backlog, consumer));

    public void Enqueue(SupervisorEvent e)
    {
        lock (_lock)
        {
            EnqueueLocked(e);
        }
    }

    /// <summary>A read's worth of output lines under one lock.</summary>
    public void Enqueue(ReadOnlySpan<OutputLine> lines)
    {
        lock (_lock)
        {
            foreach (OutputLine line in lines)
            {
                EnqueueLocked(line);
            }
        }
    }

    /// <summary>Delivers what is queued, then OnCompleted.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _completing = true;
            StartDelivery();
        }
    }

    /// <summary>Drops what is queued and lets go of every worker held for it.</summary>
    public void Dispose()
    {
        List<WorkerId> released = [];
        lock (_lock)
        {
            _disposed = true;
            _waiting.Clear();
            _backpressure?.LetGoOfAll(released);
        }

        _backpressure?.Release(released);
    }

    /// <summary>
    /// For the delivery: swaps what waits for <paramref name="batch"/> (which must be empty), or finds the queue
    /// idle (the delivery ends) or ended (deliver OnCompleted). Taking a batch lets go of the workers held for
    /// the output in it: their next lines arrive while the observer works on these.
    /// </summary>
    public QueueTake Take(ref List<QueuedEvent> batch)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                _delivering = false;
                return QueueTake.Idle;
            }

            if (_waiting.Count == 0)
            {
                _delivering = false;
                if (!_completing)
                {
                    return QueueTake.Idle;
                }

                _disposed = true; // OnCompleted is delivered once
                return QueueTake.Completed;
            }

            (batch, _waiting) = (_waiting, batch);
            _bounds?.Taken();
        }

        if (_backpressure is { } lossless)
        {
            List<WorkerId> released = [];
            lossless.Taken(batch, _lock, released);
            lossless.Release(released);
        }

        return QueueTake.Batch;
    }

    /// <summary>
    /// For a delivery that waits between takes (a screen's window): whether to take again, since events or the
    /// end came meanwhile; false leaves the queue idle, so that the next event starts a delivery anew.
    /// </summary>
    public bool KeepDelivering()
    {
        lock (_lock)
        {
            _delivering = !_disposed && (_waiting.Count > 0 || _completing);
            return _delivering;
        }
    }

    private void EnqueueLocked(SupervisorEvent e)
    {
        if (_disposed || _completing)
        {
            return;
        }

        if (_backpressure is { } lossless)
        {
            if (!lossless.Add(_waiting, e))
            {
                return; // dropped: nothing new to deliver
            }
        }
        else
        {
            _bounds!.Add(_waiting, e);
        }

        StartDelivery();
    }

    private void StartDelivery()
    {
        if (!_delivering)
        {
            _delivering = true;
            _delivery.Start(this);
        }
    }
}
