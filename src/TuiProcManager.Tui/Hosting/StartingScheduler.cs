using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace TuiProcManager.Tui.Hosting;

/// <summary>
/// The UI thread's scheduler while the screen is still being built: the screen's subscription starts with
/// the UI (so a session's history travels and is decoded while the theme loads and the terminal starts),
/// its work waits here, and the main thread runs it before the first frame (<see cref="RunWaiting"/>), so
/// that frame already shows what the stream brought. Once <see cref="HandOver"/> is called, everything
/// goes to the loop's scheduler (<see cref="TerminalScheduler"/>).
/// </summary>
/// <remarks>
/// <para>
/// Threads: <see cref="Schedule{TState}(TState, TimeSpan, Func{IScheduler, TState, IDisposable})"/> may be
/// called from any thread (a stream's reader, the supervisor's delivery threads); <see cref="RunWaiting"/>
/// and <see cref="HandOver"/> on the main thread only, which is the UI thread before the loop runs. Work
/// runs in the order it was scheduled, one item at a time, never on two threads: items scheduled while
/// <see cref="RunWaiting"/> runs are run by it too, and <see cref="HandOver"/> passes on, under the lock,
/// whatever is still waiting before anything new can reach the loop.
/// </para>
/// <para>
/// Timed work (none comes from the screen's stream today: its windows are timed on the supervisor's
/// threads) waits like the rest and is passed to the loop at the hand-over, with its time left.
/// </para>
/// </remarks>
internal sealed class StartingScheduler : LocalScheduler, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<Waiting> _waiting = new();
    private readonly ManualResetEventSlim _arrived = new(false);
    private IScheduler? _loop;

    /// <inheritdoc />
    public override IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_lock)
        {
            if (_loop is null)
            {
                SingleAssignmentDisposable inner = new();
                BooleanDisposable cancelled = new();
                _waiting.Enqueue(new Waiting(Now + Scheduler.Normalize(dueTime), cancelled, inner, self => action(self, state)));
                _arrived.Set();
                return new CompositeDisposable(cancelled, inner);
            }
        }

        return _loop.Schedule(state, dueTime, action);
    }

    /// <summary>Waits until some work has been scheduled or <paramref name="within"/> has passed; true if some has.</summary>
    public bool WaitForWork(TimeSpan within) => _arrived.Wait(within);

    /// <summary>On the main thread, before the loop runs: runs the work that is due, in order, including work scheduled meanwhile.</summary>
    public void RunWaiting()
    {
        while (true)
        {
            Waiting next;
            lock (_lock)
            {
                if (_loop is not null || !_waiting.TryPeek(out next!) || next.Due > Now)
                {
                    return;
                }

                _ = _waiting.Dequeue();
            }

            if (!next.Cancelled.IsDisposed)
            {
                next.Inner.Disposable = next.Run(this);
            }
        }
    }

    /// <summary>On the main thread: from now on work goes to <paramref name="loop"/>, and what still waits goes there first, in order.</summary>
    public void HandOver(IScheduler loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        lock (_lock)
        {
            _loop = loop;
            while (_waiting.TryDequeue(out Waiting? left))
            {
                if (!left.Cancelled.IsDisposed)
                {
                    Waiting item = left;
                    left.Inner.Disposable = loop.Schedule(item.Due - Now, () =>
                    {
                        if (!item.Cancelled.IsDisposed)
                        {
                            _ = item.Run(loop);
                        }
                    });
                }
            }
        }
    }

    public void Dispose() => _arrived.Dispose();

    private sealed record Waiting(DateTimeOffset Due, BooleanDisposable Cancelled, SingleAssignmentDisposable Inner, Func<IScheduler, IDisposable> Run);
}
