using System.Reactive.Linq;
using System.Reactive.Subjects;
using Microsoft.Reactive.Testing;
using TuiProcManager.Core.Events;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Hosting;

public sealed class EventBatchesTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(33);

    [Fact]
    public void Batch_EventsWithinAWindow_ArriveTogether_WhenTheWindowCloses()
    {
        TestScheduler time = new();
        Events e = new();
        ITestableObservable<SupervisorEvent> source = time.CreateHotObservable(
            new Recorded<System.Reactive.Notification<SupervisorEvent>>(TimeSpan.FromMilliseconds(100).Ticks, System.Reactive.Notification.CreateOnNext<SupervisorEvent>(e.Spawned(1))),
            new Recorded<System.Reactive.Notification<SupervisorEvent>>(TimeSpan.FromMilliseconds(110).Ticks, System.Reactive.Notification.CreateOnNext<SupervisorEvent>(e.Line(1, "a"))),
            new Recorded<System.Reactive.Notification<SupervisorEvent>>(TimeSpan.FromMilliseconds(120).Ticks, System.Reactive.Notification.CreateOnNext<SupervisorEvent>(e.Line(1, "b"))),
            new Recorded<System.Reactive.Notification<SupervisorEvent>>(TimeSpan.FromMilliseconds(500).Ticks, System.Reactive.Notification.CreateOnNext<SupervisorEvent>(e.Line(1, "c"))));
        List<(long At, int Count)> batches = [];

        using IDisposable s = source.Batch(Window, time).Subscribe(b => batches.Add((time.Clock, b.Count)));
        time.AdvanceTo(TimeSpan.FromSeconds(1).Ticks);

        Assert.Equal([(TimeSpan.FromMilliseconds(133).Ticks, 3), (TimeSpan.FromMilliseconds(533).Ticks, 1)], batches);
    }

    [Fact]
    public void Batch_Flood_AtMostOneBatchPerWindow()
    {
        TestScheduler time = new();
        Events e = new();
        Recorded<System.Reactive.Notification<SupervisorEvent>>[] flood = [.. Enumerable.Range(0, 10_000).Select(i =>
            new Recorded<System.Reactive.Notification<SupervisorEvent>>(TimeSpan.FromMilliseconds(i / 10.0).Ticks + 1, System.Reactive.Notification.CreateOnNext<SupervisorEvent>(e.Line(1, "x"))))];
        ITestableObservable<SupervisorEvent> source = time.CreateHotObservable(flood);
        int batches = 0, events = 0;

        using IDisposable s = source.Batch(Window, time).Subscribe(b => (batches, events) = (batches + 1, events + b.Count));
        time.AdvanceTo(TimeSpan.FromSeconds(2).Ticks);

        Assert.Equal(10_000, events); // one second of flood: nothing lost
        Assert.InRange(batches, 28, 31); // about 30 updates, not 10,000
    }

    [Fact]
    public void Batch_NothingHappening_NoTimerIsScheduled()
    {
        // Buffer(TimeSpan) would wake the UI 30 times a second forever; this must schedule nothing.
        CountingScheduler timers = new(new TestScheduler());
        using IDisposable s = Observable.Never<SupervisorEvent>().Batch(Window, timers).Subscribe(_ => { });

        Assert.Equal(0, timers.Scheduled);
    }

    [Fact]
    public void Batch_NeverAsksForALongRunningThread()
    {
        // Rx's Delay takes a dedicated thread per subscription from a scheduler that offers long-running
        // work (the task pool does); a window per event batch made that a new thread four times a second.
        TestScheduler time = new();
        LongRunningOffer timers = new(time);
        Events e = new();
        int batches = 0;
        using Subject<SupervisorEvent> source = new();

        using IDisposable s = source.Batch(Window, timers).Subscribe(_ => batches++);
        for (int i = 0; i < 5; i++)
        {
            source.OnNext(e.Line(1, "x"));
            time.AdvanceBy(TimeSpan.FromMilliseconds(100).Ticks);
        }

        Assert.Equal(5, batches);
        Assert.Equal(0, timers.LongRunningAsked);
    }

    /// <summary>A scheduler that offers long-running work, as the task pool does, and counts who takes it.</summary>
    private sealed class LongRunningOffer(System.Reactive.Concurrency.IScheduler inner) : System.Reactive.Concurrency.IScheduler, IServiceProvider, System.Reactive.Concurrency.ISchedulerLongRunning
    {
        public int LongRunningAsked { get; private set; }

        public DateTimeOffset Now => inner.Now;

        public object? GetService(Type serviceType) => serviceType == typeof(System.Reactive.Concurrency.ISchedulerLongRunning) ? this : null;

        public IDisposable ScheduleLongRunning<TState>(TState state, Action<TState, System.Reactive.Disposables.ICancelable> action)
        {
            LongRunningAsked++;
            return System.Reactive.Disposables.Disposable.Empty;
        }

        public IDisposable Schedule<TState>(TState state, Func<System.Reactive.Concurrency.IScheduler, TState, IDisposable> action) => inner.Schedule(state, action);

        public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<System.Reactive.Concurrency.IScheduler, TState, IDisposable> action) => inner.Schedule(state, dueTime, action);

        public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<System.Reactive.Concurrency.IScheduler, TState, IDisposable> action) => inner.Schedule(state, dueTime, action);
    }

    private sealed class CountingScheduler(System.Reactive.Concurrency.IScheduler inner) : System.Reactive.Concurrency.IScheduler
    {
        public int Scheduled { get; private set; }

        public DateTimeOffset Now => inner.Now;

        public IDisposable Schedule<TState>(TState state, Func<System.Reactive.Concurrency.IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, action);
        }

        public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<System.Reactive.Concurrency.IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, dueTime, action);
        }

        public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<System.Reactive.Concurrency.IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, dueTime, action);
        }
    }
}
