using System.Reactive.Concurrency;
using System.Reactive.Linq;
using TuiProcManager.Core.Events;

namespace TuiProcManager.Tui.Hosting;

/// <summary>How the UI takes the event stream: in batches, one per window, and nothing while nothing happens.</summary>
internal static class EventBatches
{
    /// <summary>
    /// Groups <paramref name="events"/> into batches: the first event after a quiet spell opens a window of
    /// <paramref name="window"/>, and everything that arrives in it forms one batch. So at most one batch per
    /// window (about 30 a second for 33 ms) however fast events come, and, unlike Buffer(TimeSpan), no
    /// timer ticks while nothing happens: an idle UI is not woken 30 times a second for nothing.
    /// </summary>
    /// <param name="events">The supervisor's stream (subscribed once).</param>
    /// <param name="window">How long a batch gathers after its first event.</param>
    /// <param name="timers">Where the window's timer runs. Its long-running support is hidden from Rx on
    /// purpose: Delay on a scheduler that offers it (the task pool does) starts a dedicated thread per
    /// subscription, and every window is a new Delay subscription; that was a thread created and destroyed
    /// four times a second while idle, half the idle app's CPU.</param>
    public static IObservable<IList<SupervisorEvent>> Batch(this IObservable<SupervisorEvent> events, TimeSpan window, IScheduler timers)
    {
        IScheduler shortTimers = timers.DisableOptimizations(typeof(ISchedulerLongRunning));
        return events
            .Publish(shared => shared.Buffer(() => shared.Take(1).Delay(window, shortTimers)))
            .Where(batch => batch.Count > 0);
    }
}
