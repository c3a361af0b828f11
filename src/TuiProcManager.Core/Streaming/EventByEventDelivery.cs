using System.Reactive.Concurrency;
using System.Runtime.InteropServices;
using TuiProcManager.Core.Events;

namespace TuiProcManager.Core.Streaming;

/// <summary>
/// Delivers a subscriber's queue one OnNext per event (<see cref="DrainingDelivery"/>): the plain streams
/// (<c>Events</c>, <c>EventsWithSnapshot</c>) and the lossless ones, whose consumers write each event out.
/// </summary>
internal sealed class EventByEventDelivery(IObserver<SupervisorEvent> observer, IScheduler scheduler) : DrainingDelivery(scheduler)
{
    protected override void Deliver(List<QueuedEvent> batch)
    {
        foreach (QueuedEvent e in CollectionsMarshal.AsSpan(batch)) // the drain's own list: nobody else touches it now
        {
            observer.OnNext(e.Event);
        }
    }

    protected override void Complete() => observer.OnCompleted();
}
