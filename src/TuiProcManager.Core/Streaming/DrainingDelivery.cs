using System.Reactive.Concurrency;

namespace TuiProcManager.Core.Streaming;

/// <summary>
/// Delivers a subscriber's queue as soon as <paramref name="scheduler"/> runs it, batch by batch as the queue
/// hands them over; how a batch reaches the observer is the subclass's (<see cref="EventByEventDelivery"/>,
/// <see cref="BatchByBatchDelivery"/>).
/// </summary>
/// <remarks>
/// One drain runs at a time (the queue starts one only when idle, and a drain reschedules itself rather
/// than overlapping), so the drain's list is its own. A drain takes at most <see cref="BatchesPerPass"/>
/// batches, then gives the scheduler's other work a turn and goes on.
/// </remarks>
internal abstract class DrainingDelivery(IScheduler scheduler) : IQueueDelivery
{
    private const int BatchesPerPass = 16;

    private List<QueuedEvent> _batch = []; // the drain's own: empty between batches

    public void Start(SubscriberQueue queue) => scheduler.Schedule(() => Drain(queue));

    /// <summary>Hands <paramref name="batch"/> to the observer (the list is the drain's: cleared once this returns).</summary>
    protected abstract void Deliver(List<QueuedEvent> batch);

    /// <summary>Tells the observer the stream has ended.</summary>
    protected abstract void Complete();

    private void Drain(SubscriberQueue queue)
    {
        for (int pass = 0; pass < BatchesPerPass; pass++)
        {
            switch (queue.Take(ref _batch))
            {
                case QueueTake.Idle:
                    return;
                case QueueTake.Completed:
                    Complete();
                    return;
            }

            Deliver(_batch);
            _batch.Clear();
        }

        scheduler.Schedule(() => Drain(queue)); // still busy after a long pass: the queue stays delivering
    }
}
