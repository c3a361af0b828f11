using System.Reactive.Concurrency;

namespace TuiProcManager.Core.Supervision;

/// <summary>The threads the supervisor runs on, chosen by the application (virtual time in tests).</summary>
/// <param name="Clock">Sampling, timers (grace periods, join timeouts) and event timestamps. In the app, one
/// dedicated thread (a <see cref="ClockThreadScheduler"/>).</param>
/// <param name="Delivery">Where each subscriber's queue is drained. In the app, the thread pool.</param>
public sealed record SupervisorSchedulers(IScheduler Clock, IScheduler Delivery) : IDisposable
{
    /// <summary>Stops the schedulers that own a thread (the clock's event loop).</summary>
    public void Dispose()
    {
        (Clock as IDisposable)?.Dispose();
        if (!ReferenceEquals(Delivery, Clock))
        {
            (Delivery as IDisposable)?.Dispose();
        }
    }
}
