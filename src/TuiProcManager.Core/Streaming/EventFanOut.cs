using TuiProcManager.Core.Events;

namespace TuiProcManager.Core.Streaming;

/// <summary>The current subscribers (queued, and taps called at once) and publication to all of them.</summary>
/// <remarks>
/// Not thread-safe by itself: every member is called under the supervisor's gate, which is what makes a
/// new subscriber's snapshot and the live events that follow it gapless.
/// </remarks>
internal sealed class EventFanOut
{
    // Copy-on-write: delivery may be synchronous (an immediate scheduler), and an observer that
    // unsubscribes from inside OnNext or OnCompleted must not break the loop that called it.
    private SubscriberQueue[] _subscribers = [];
    private IEventTap[] _taps = [];
    private bool _completed;

    public bool IsCompleted => _completed;

    public void Publish(SupervisorEvent e)
    {
        foreach (IEventTap t in _taps)
        {
            t.OnEvent(e);
        }

        foreach (SubscriberQueue s in _subscribers)
        {
            s.Enqueue(e);
        }
    }

    /// <summary>A read's worth of one worker's output lines, each subscriber taking them under one lock.</summary>
    public void Publish(ReadOnlySpan<OutputLine> lines)
    {
        foreach (IEventTap t in _taps)
        {
            t.OnLines(lines);
        }

        foreach (SubscriberQueue s in _subscribers)
        {
            s.Enqueue(lines);
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

    public void Add(IEventTap tap)
    {
        if (_completed)
        {
            tap.OnCompleted();
            return;
        }

        _taps = [.. _taps, tap];
    }

    public void Remove(IEventTap tap) => _taps = [.. _taps.Where(t => t != tap)];

    /// <summary>Every subscriber gets what is queued, then OnCompleted; later subscribers complete at once.</summary>
    public void Complete()
    {
        _completed = true;
        SubscriberQueue[] all = _subscribers;
        IEventTap[] taps = _taps;
        _subscribers = [];
        _taps = [];
        foreach (IEventTap t in taps)
        {
            t.OnCompleted();
        }

        foreach (SubscriberQueue s in all)
        {
            s.Complete();
        }
    }
}
