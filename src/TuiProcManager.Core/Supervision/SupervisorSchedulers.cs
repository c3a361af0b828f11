using System.Reactive.Concurrency;

namespace TuiProcManager.Core.Supervision;

/// <summary>The threads the supervisor runs on, chosen by the application (virtual time in tests).</summary>
/// <param name="Clock">Sampling, timers (grace periods, join timeouts) and event timestamps. In the app, one
/// dedicated thread (a <see cref="ClockThreadScheduler"/>).</param>
/// <param name="Delivery">Where each lossy subscriber's queue is drained. In the app, the thread pool.</param>
/// <param name="Launch">Where workers are started, one after another, outside the supervisor's lock (a start
/// can wait seconds on an unresponsive fork server). In the app, a dedicated thread; by default (tests) at
/// once, on the thread that asked.</param>
public sealed record SupervisorSchedulers(IScheduler Clock, IScheduler Delivery, IScheduler? Launch = null) : IDisposable
{
    /// <summary>Where workers are started (<see cref="Launch"/>, or at once).</summary>
    public IScheduler Launcher => Launch ?? ImmediateScheduler.Instance;

    /// <summary>Stops the schedulers that own a thread (the clock's event loop).</summary>
    public void Dispose()
    {
        (Clock as IDisposable)?.Dispose();
        if (!ReferenceEquals(Delivery, Clock))
        {
            (Delivery as IDisposable)?.Dispose();
        }

        if (Launch is not null && !ReferenceEquals(Launch, Clock) && !ReferenceEquals(Launch, Delivery))
        {
            (Launch as IDisposable)?.Dispose();
        }
    }
}
