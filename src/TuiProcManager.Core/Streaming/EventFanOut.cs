using TuiProcManager.Core.Events;

namespace TuiProcManager.Core.Streaming;

/// <summary>The current subscribers and publication to all of them.</summary>
/// <remarks>
/// Not thread-safe by itself: every member is called under the supervisor's gate, which is what makes a
/// new subscriber's snapshot and the live events that follow it gapless.
/// </remarks>
internal sealed class EventFanOut
{
    // Copy-on-write: delivery may be synchronous (an immediate scheduler), and an observer that
    // unsubscribes from inside OnNext or OnCompleted must not break the loop that called it.
    private SubscriberQueue[] _subscribers = [];
    private bool _completed;

    public bool IsCompleted => _completed;

    public void Publish(SupervisorEvent e)
    {
        foreach (SubscriberQueue s in _subscribers)
        {
            s.Enqueue(e);
        }
    }

    /// <summary>Several events in a row (a read's worth of output lines), each subscriber taking them under one lock.</summary>
    public void Publish(ReadOnlySpan<QueuedEvent> events)
    {
        foreach (SubscriberQueue s in _subscribers)
        {
            s.Enqueue(events);
        }
    }

    public void Add(SubscriberQueue subscriber)
    {
        if (_completed)
        {
            subscriber.Complete();
            return;
        }

        _subscribers = [.. _subscribers, subscriber];
    }

    public void Remove(SubscriberQueue subscriber) => _subscribers = [.. _subscribers.Where(s => s != subscriber)];

    /// <summary>Every subscriber gets what is queued, then OnCompleted; later subscribers complete at once.</summary>
    public void Complete()
    {
        _completed = true;
        SubscriberQueue[] all = _subscribers;
        _subscribers = [];
        foreach (SubscriberQueue s in all)
        {
            s.Complete();
        }
    }
}
