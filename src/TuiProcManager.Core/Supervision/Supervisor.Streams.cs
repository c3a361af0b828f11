using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Streaming;

namespace TuiProcManager.Core.Supervision;

/// <summary>The supervisor's streams: how each kind of subscriber takes its events (see <see cref="EventFanOut"/>).</summary>
public sealed partial class Supervisor
{
    /// <inheritdoc />
    public IObservable<SupervisorEvent> Events => Observable.Create<SupervisorEvent>(o => Subscribe(o, withSnapshot: false));

    /// <inheritdoc />
    public IObservable<SupervisorEvent> EventsWithSnapshot => Observable.Create<SupervisorEvent>(o => Subscribe(o, withSnapshot: true));

    /// <inheritdoc />
    /// <remarks>The window is timed on the supervisor's delivery scheduler (<see cref="SupervisorSchedulers.Delivery"/>), whose
    /// threads then hand each batch to <paramref name="delivery"/>: publishing, under the gate, only appends.</remarks>
    public IObservable<IList<SupervisorEvent>> ScreenBatches(ScreenPacing pacing, IScheduler delivery)
    {
        ArgumentNullException.ThrowIfNull(pacing);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentOutOfRangeException.ThrowIfLessThan(pacing.Window, TimeSpan.Zero, nameof(pacing));
        ArgumentOutOfRangeException.ThrowIfLessThan(pacing.FirstWindow ?? TimeSpan.Zero, TimeSpan.Zero, nameof(pacing));
        ArgumentOutOfRangeException.ThrowIfLessThan(pacing.MaxWaiting, 16, nameof(pacing));
        DeliveryLimits limits = _limits with { Capacity = Math.Min(_limits.Capacity, pacing.MaxWaiting) };
        return Observable.Create<IList<SupervisorEvent>>(o =>
            Subscribe(SubscriberQueue.Lossy(new PacedBatchDelivery(o, pacing.Window, _schedulers.Delivery, delivery, pacing.FirstWindow), limits), withSnapshot: true));
    }

    /// <inheritdoc />
    public IObservable<SupervisorEvent> LosslessEvents(string consumer, IScheduler delivery)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentNullException.ThrowIfNull(delivery);
        return Observable.Create<SupervisorEvent>(o =>
            Subscribe(SubscriberQueue.Lossless(new EventByEventDelivery(o, delivery), _limits, _flow, _options.LosslessBacklog, consumer), withSnapshot: true));
    }

    /// <summary>
    /// <see cref="LosslessEvents"/> by the batch: a snapshot, then every live event, none ever dropped, handed
    /// over as the queue holds them (one event when they come slowly, thousands in a flood). For a consumer
    /// that is cheaper by the batch and may block (a session's lab checks, which save to disk); one that only
    /// keeps is cheaper still as a <see cref="Tap"/>.
    /// </summary>
    /// <param name="consumer">Who consumes, for people: named in <see cref="WorkerOutputHeld"/>.</param>
    /// <param name="delivery">Where batches are delivered, one at a time.</param>
    public IObservable<IReadOnlyList<SupervisorEvent>> LosslessBatches(string consumer, IScheduler delivery)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentNullException.ThrowIfNull(delivery);
        return Observable.Create<IReadOnlyList<SupervisorEvent>>(o =>
            Subscribe(SubscriberQueue.Lossless(new BatchByBatchDelivery(o, delivery), _limits, _flow, _options.LosslessBacklog, consumer), withSnapshot: true));
    }

    /// <summary>
    /// Hands every event to <paramref name="tap"/> at once, under the gate, in the stream's order: a snapshot
    /// first, then each live event (a read's output lines as one span), nothing ever dropped or held; then
    /// OnCompleted when the supervisor stops. For a consumer that only keeps, cheaper than any queue: see
    /// <see cref="IEventTap"/> for what it must never do. Disposing the result stops the calls.
    /// </summary>
    public IDisposable Tap(IEventTap tap)
    {
        ArgumentNullException.ThrowIfNull(tap);
        lock (_gate)
        {
            if (!_fanOut.IsCompleted)
            {
                tap.OnEvent(SnapshotAt(_events.LastSequence));
            }

            _fanOut.Add(tap);
        }

        return Disposable.Create(() =>
        {
            lock (_gate)
            {
                _fanOut.Remove(tap);
            }
        });
    }

    private IDisposable Subscribe(IObserver<SupervisorEvent> observer, bool withSnapshot) =>
        Subscribe(SubscriberQueue.Lossy(new EventByEventDelivery(observer, _schedulers.Delivery), _limits), withSnapshot);

    private IDisposable Subscribe(SubscriberQueue queue, bool withSnapshot)
    {
        lock (_gate)
        {
            if (withSnapshot)
            {
                queue.Enqueue(SnapshotAt(_events.LastSequence));
            }

            _fanOut.Add(queue);
        }

        return Disposable.Create(() =>
        {
            lock (_gate)
            {
                _fanOut.Remove(queue);
            }

            queue.Dispose();
        });
    }

    /// <summary>The session as it is at <paramref name="sequence"/> (under the gate). Workers still being started are not in it: their WorkerSpawned is yet to come.</summary>
    private SupervisorSnapshot SnapshotAt(long sequence) =>
        new(sequence, Now, [.. _workers.Where(w => w.Launched).Select(w => w.ToInfo())], _slotScheduler.Mode, _slotScheduler.Slots);
}
