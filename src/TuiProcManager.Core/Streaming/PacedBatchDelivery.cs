using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;

namespace TuiProcManager.Core.Streaming;

// Design: docs/decisions/0004-backpressure-and-delivery.md
/// <summary>
/// Delivers a screen's queue in batches paced for redraws: the first event of a quiet spell opens a window of
/// <paramref name="window"/> (the snapshot that starts the subscription, one of <paramref name="firstWindow"/>);
/// when it closes, everything then waiting goes to the observer as one batch, on
/// <paramref name="consumer"/> (the UI thread); and the next window opens only once the observer has returned
/// from that batch, so at most one batch is ever in flight.
/// </summary>
/// <remarks>
/// <para>
/// While the consumer is behind, what arrives waits in the queue, within its lossy bounds (the oldest output
/// dropped, the tail kept, see <see cref="LossyBounds"/>): nothing gathers anywhere else. A
/// Buffer + ObserveOn chain here let a backlog grow into ObserveOn's own queue: a UI thread slower than a
/// flooding worker grew to 6 GB and could not act on SIGHUP while it worked through it.
/// </para>
/// <para>
/// Threads and costs: the window is timed on <paramref name="timers"/> (the supervisor's delivery threads),
/// never on <paramref name="consumer"/> directly, because <see cref="Start"/> runs under the supervisor's gate
/// and a UI scheduler takes the UI's own lock, which the UI thread holds while it calls the supervisor. Per
/// batch: one timed item on <paramref name="timers"/> and one item on <paramref name="consumer"/>; none at
/// all while nothing happens. The batch is taken on the consumer's thread, when it is ready for it, so it
/// holds everything that came up to then.
/// </para>
/// </remarks>
internal sealed class PacedBatchDelivery(IObserver<IList<SupervisorEvent>> observer, TimeSpan window, IScheduler timers, IScheduler consumer, TimeSpan? firstWindow = null)
    : IQueueDelivery
{
    private bool _started; // Start runs under the queue's lock: never on two threads at once

    public void Start(SubscriberQueue queue)
    {
        TimeSpan length = _started ? window : firstWindow ?? window; // the first quiet spell is the snapshot's
        _started = true;
        OpenWindow(queue, length);
    }

    private void OpenWindow(SubscriberQueue queue, TimeSpan length) =>
        timers.Schedule(length, () => consumer.Schedule(() => HandOver(queue)));

    /// <summary>On the consumer's thread: one batch to the observer, then the next window if anything came meanwhile.</summary>
    private void HandOver(SubscriberQueue queue)
    {
        List<QueuedEvent> taken = [];
        switch (queue.Take(ref taken))
        {
            case QueueTake.Idle:
                return;
            case QueueTake.Completed:
                observer.OnCompleted();
                return;
        }

        List<SupervisorEvent> batch = new(taken.Count); // the observer's to keep
        foreach (QueuedEvent e in taken)
        {
            batch.Add(e.Event);
        }

        try
        {
            observer.OnNext(batch);
        }
        finally
        {
            // An observer that throws still gets the next batch (if its scheduler survives the throw).
            if (queue.KeepDelivering())
            {
                OpenWindow(queue, window);
            }
        }
    }
}
