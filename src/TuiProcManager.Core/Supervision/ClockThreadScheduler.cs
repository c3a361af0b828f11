using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace TuiProcManager.Core.Supervision;

/// <summary>
/// The supervisor's clock in the app: one dedicated thread that runs scheduled work in due-time order and
/// sleeps in between on a single timed wait.
/// </summary>
/// <remarks>
/// <para>
/// Rx's <see cref="EventLoopScheduler"/> does the same job but waits for future work through a
/// System.Threading.Timer: every tick goes timer thread → pool thread (the timer callback) → loop thread,
/// three wake-ups where one will do. With 20 state polls a second that was 60 wake-ups a second and about
/// 1% of a core on its own while every worker slept (measured per thread from /proc). Here the loop thread
/// waits with Monitor.Wait(timeout) until the earliest item is due or an earlier one is added.
/// </para>
/// <para>
/// Work runs one item at a time, in due-time order, first come first served among equal due times, so
/// scheduled work never overlaps (the supervisor relies on that for its readings). An item cancelled
/// before it runs stays queued until its time and is then skipped. An exception thrown by scheduled work
/// is not caught: as with EventLoopScheduler, it ends the process rather than leaving a supervisor with a
/// dead clock.
/// </para>
/// </remarks>
public sealed class ClockThreadScheduler : LocalScheduler, IDisposable
{
    private readonly object _gate = new(); // Monitor, not Lock: the loop waits on it with Monitor.Wait
    private readonly PriorityQueue<Item, (long Due, long Order)> _queue = new();
    private readonly Thread _thread;
    private long _order;
    private bool _disposed;

    /// <summary>Starts the clock thread (a background thread named <paramref name="threadName"/>).</summary>
    public ClockThreadScheduler(string threadName)
    {
        _thread = new Thread(Run) { Name = threadName, IsBackground = true };
        _thread.Start();
    }

    /// <inheritdoc />
    public override IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Item<TState> item = new(this, state, action);
        long due = Stopwatch.GetTimestamp() + (long)(Scheduler.Normalize(dueTime).TotalSeconds * Stopwatch.Frequency);
        lock (_gate)
        {
            if (_disposed)
            {
                // Dropped, as the work queued at Dispose is. Not an exception: a recurring item running on the
                // clock thread while the supervisor is disposed reschedules itself after Dispose (Rx's
                // recursive scheduling), and an exception there ended the process (SIGABRT, exit 134, in the
                // middle of a clean `tuiproc run`).
                return Disposable.Empty;
            }

            bool earliest = !_queue.TryPeek(out _, out (long Due, long Order) first) || due < first.Due;
            _queue.Enqueue(item, (due, _order++));
            if (earliest)
            {
                Monitor.Pulse(_gate);
            }
        }

        return item;
    }

    /// <summary>Stops the thread; work not yet run is dropped, and so is work scheduled after. Does not wait for an item that is running.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _queue.Clear();
            Monitor.Pulse(_gate);
        }
    }

    private void Run()
    {
        while (NextDue() is { } item)
        {
            item.Invoke();
        }
    }

    /// <summary>Waits for the earliest item to be due and takes it; null once disposed.</summary>
    private Item? NextDue()
    {
        lock (_gate)
        {
            while (!_disposed)
            {
                if (!_queue.TryPeek(out Item? item, out (long Due, long Order) key))
                {
                    Monitor.Wait(_gate);
                    continue;
                }

                long remaining = key.Due - Stopwatch.GetTimestamp();
                if (remaining <= 0)
                {
                    _queue.Dequeue();
                    return item;
                }

                // Rounded up: waking a little late costs nothing, waking early costs another wait.
                long milliseconds = (remaining * 1000 + Stopwatch.Frequency - 1) / Stopwatch.Frequency;
                Monitor.Wait(_gate, (int)Math.Min(milliseconds, int.MaxValue));
            }

            return null;
        }
    }

    private abstract class Item : IDisposable
    {
        private readonly SingleAssignmentDisposable _inner = new();
        private volatile bool _cancelled;

        public void Invoke()
        {
            if (!_cancelled)
            {
                _inner.Disposable = Run();
            }
        }

        public void Dispose()
        {
            _cancelled = true;
            _inner.Dispose();
        }

        protected abstract IDisposable Run();
    }

    private sealed class Item<TState>(IScheduler scheduler, TState state, Func<IScheduler, TState, IDisposable> action) : Item
    {
        protected override IDisposable Run() => action(scheduler, state);
    }
}
