using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;

namespace TuiProcManager.Core.Streaming;

/// <summary>
/// Delivers a subscriber's queue one OnNext per batch the queue hands over (everything waiting at that
/// moment; <see cref="DrainingDelivery"/>): for a consumer that takes every event of a flood and is cheaper
/// by the batch (a session's lab checks: one lock a batch). Each batch is an array of its own: the observer
/// may keep it.
/// </summary>
internal sealed class BatchByBatchDelivery(IObserver<IReadOnlyList<SupervisorEvent>> observer, IScheduler scheduler) : DrainingDelivery(scheduler)
{
    protected override void Deliver(List<QueuedEvent> batch)
    {
        SupervisorEvent[] events = new SupervisorEvent[batch.Count];
        for (int i = 0; i < events.Length; i++)
        {
            events[i] = batch[i].Event;
        }

        observer.OnNext(events);
    }

    protected override void Complete() => observer.OnCompleted();
}
