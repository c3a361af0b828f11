using System.Reactive.Concurrency;
using System.Runtime.InteropServices;
using TuiProcManager.Core.Events;

namespace TuiProcManager.Core.Streaming;

/// <summary>
/// Delivers a subscriber's queue as soon as <paramref name="scheduler"/> runs it, one OnNext per event: the
/// plain streams (<c>Events</c>, <c>EventsWithSnapshot</c>) and the lossless ones, whose consumers write
/// each event out.
/// </summary>
/// <remarks>
/// One drain runs at a time (the queue starts one only when idle, and a drain reschedules itself rather
/// than overlapping), so the drain's list is its own. A drain takes at most <see cref="BatchesPerPass"/>
/// batches, then gives the scheduler's other work a turn and goes on.
/// </remarks>
internal sealed class EventByEventDelivery(IObserver<SupervisorEvent> observer, IScheduler scheduler) : IQueueDelivery
{
    private const int BatchesPerPass = 16;

    private List<QueuedEvent> _batch = []; // the drain's own: empty between batches

    public void Start(SubscriberQueue queue) => scheduler.Schedule(() => Drain(queue));

    private void Drain(SubscriberQueue queue)
    {
        for (int pass = 0; pass < BatchesPerPass; pass++)
        {
            switch (queue.Take(ref _batch))
            {
                case QueueTake.Idle:
                    return;
                case QueueTake.Completed:
                    observer.OnCompleted();
                    return;
            }

            foreach (QueuedEvent e in CollectionsMarshal.AsSpan(_batch)) // the drain's own list: nobody else touches it now
            {
                observer.OnNext(e.Event);
            }

            _batch.Clear();
        }

        scheduler.Schedule(() => Drain(queue)); // still busy after a long pass: the queue stays delivering
    }
}
