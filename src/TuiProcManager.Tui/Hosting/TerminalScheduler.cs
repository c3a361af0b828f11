using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Terminal.Gui.App;

namespace TuiProcManager.Tui.Hosting;

/// <summary>An Rx scheduler that runs work on the Terminal.Gui main loop: the only thread that may touch views.</summary>
/// <remarks>
/// Terminal.Gui 2.5.0 ships none. Immediate work goes through <see cref="IApplication.Invoke(Action)"/>
/// (inline when already on the loop, else at its next iteration); timed work through a one-shot
/// <see cref="IApplication.AddTimeout"/>. Disposing cancels work not yet run. Use it with ObserveOn right
/// before Subscribe, after batching: one scheduled item per batch, never one per event.
/// </remarks>
internal sealed class TerminalScheduler(IApplication app) : LocalScheduler
{
    public override IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        SingleAssignmentDisposable inner = new();
        BooleanDisposable cancelled = new();
        if (dueTime <= TimeSpan.Zero)
        {
            app.Invoke(() =>
            {
                if (!cancelled.IsDisposed)
                {
                    inner.Disposable = action(this, state);
                }
            });
            return new CompositeDisposable(cancelled, inner);
        }

        object? token = app.AddTimeout(dueTime, () =>
        {
            if (!cancelled.IsDisposed)
            {
                inner.Disposable = action(this, state);
            }

            return false; // one-shot
        });
        return new CompositeDisposable(cancelled, inner, Disposable.Create(() =>
        {
            if (token is not null)
            {
                app.RemoveTimeout(token);
            }
        }));
    }
}
