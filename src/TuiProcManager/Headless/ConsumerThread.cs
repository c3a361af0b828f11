using System.Reactive.Concurrency;
using TuiProcManager.Core.Supervision;

namespace TuiProcManager.Headless;

/// <summary>
/// A lossless consumer's own thread: the supervisor delivers its events there one at a time, and a flush
/// asked for while a run of them is delivered happens once, after that run.
/// </summary>
/// <remarks>
/// A thread of its own because the consumer may block in write() for as long as its reader does not read
/// (a pipe, a FIFO, a full terminal), which must hold up nothing but the workers it waits on. A flush is
/// queued behind the delivery pass that asked for it (the scheduler runs items first come first served),
/// so a flood is written in large pieces and a trickle at once, without a timer ticking while idle.
/// </remarks>
internal sealed class ConsumerThread(string name) : IDisposable
{
    private readonly ClockThreadScheduler _scheduler = new(name);
    private bool _flushPending; // consumer thread only

    /// <summary>Where the supervisor delivers the consumer's events.</summary>
    public IScheduler Scheduler => _scheduler;

    /// <summary>On the consumer thread: runs <paramref name="flush"/> once the current pass of deliveries is over.</summary>
    public void FlushSoon(Action flush)
    {
        if (_flushPending)
        {
            return;
        }

        _flushPending = true;
        _scheduler.Schedule(() =>
        {
            _flushPending = false;
            flush();
        });
    }

    /// <summary>Runs <paramref name="action"/> on the consumer thread, after what is queued there; false once the thread is stopped.</summary>
    public bool Post(Action action)
    {
        try
        {
            _scheduler.Schedule(action);
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>Stops the thread (work not yet run is dropped); safe from the thread itself.</summary>
    public void Dispose() => _scheduler.Dispose();
}
