using System.Reactive.Concurrency;

namespace TuiProcManager.Testing;

/// <summary>Passes everything to <paramref name="inner"/> and counts what was scheduled through it (a test's own actions go straight to the inner scheduler).</summary>
internal sealed class CountingScheduler(IScheduler inner) : IScheduler
{
    public int Scheduled { get; private set; }

    public DateTimeOffset Now => inner.Now;

    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action)
    {
        Scheduled++;
        return inner.Schedule(state, action);
    }

    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        Scheduled++;
        return inner.Schedule(state, dueTime, action);
    }

    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        Scheduled++;
        return inner.Schedule(state, dueTime, action);
    }
}
