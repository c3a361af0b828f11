using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;

namespace TuiProcManager.Core.Streaming;

/// <summary>
/// Delivers a subscriber's queue as soon as <paramref name="scheduler"/> runs it, one OnNext per batch the
/// queue hands over (everything waiting at that moment): for a consumer that takes every event of a flood
/// and is cheaper by the batch (a session's history: one lock, and the lines a worker's bound would drop
/// within the batch never kept).
/// </summary>
/// <remarks>As <see cref="EventByEventDelivery"/>: one drain at a time, at most <see cref="BatchesPerPass"/> batches a pass.
/// Each batch is an array of its own: the observer may keep it.</remarks>
internal sealed class BatchByBatchDelivery(IObserver<IReadOnlyList<SupervisorEvent>> observer, IScheduler scheduler) : IQueueDelivery
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

            SupervisorEvent[] events = new SupervisorEvent[_batch.Count];
            for (int i = 0; i < events.Length; i++)
            {
                events[i] = _batch[i].Event;
            }

            _batch.Clear();
            observer.OnNext(events);
        }

        scheduler.Schedule(() => Drain(queue)); // still busy after a long pass: the queue stays delivering
    }
}
