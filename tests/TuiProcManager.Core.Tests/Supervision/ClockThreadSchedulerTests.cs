using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using TuiProcManager.Core.Supervision;

namespace TuiProcManager.Core.Tests.Supervision;

/// <summary>The supervisor's clock thread, in real time (orders and outcomes only, never durations).</summary>
public sealed class ClockThreadSchedulerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public void Schedule_RunsInDueTimeOrder_FirstComeFirstServedAmongEquals_OnOneThread()
    {
        using ClockThreadScheduler clock = new("test-clock");
        ConcurrentQueue<(string Name, int Thread)> ran = new();
        using CountdownEvent done = new(4);
        void Record(string name)
        {
            ran.Enqueue((name, Environment.CurrentManagedThreadId));
            done.Signal();
        }

        clock.Schedule(TimeSpan.FromMilliseconds(120), () => Record("late"));
        clock.Schedule(TimeSpan.FromMilliseconds(40), () => Record("early-1"));
        clock.Schedule(TimeSpan.FromMilliseconds(40), () => Record("early-2"));
        clock.Schedule(() => Record("now"));

        Assert.True(done.Wait(Bound));
        Assert.Equal(["now", "early-1", "early-2", "late"], ran.Select(r => r.Name));
        Assert.Single(ran.Select(r => r.Thread).Distinct());
        Assert.NotEqual(Environment.CurrentManagedThreadId, ran.First().Thread);
    }

    [Fact]
    public void Schedule_EarlierItemWhileWaitingForALaterOne_WakesTheClock()
    {
        string name = UniqueName();
        using ClockThreadScheduler clock = new(name);
        using ManualResetEventSlim soon = new();
        clock.Schedule(TimeSpan.FromMinutes(10), () => { });
        // Asleep after that Schedule returned (which woke it): waiting for the item ten minutes away.
        Assert.True(SpinWait.SpinUntil(() => ThreadState(name) == 'S', Bound), $"clock thread {name}: {ThreadState(name)}");

        clock.Schedule(TimeSpan.FromMilliseconds(10), soon.Set);

        Assert.True(soon.Wait(Bound));
    }

    [Fact]
    public void Dispose_OfTheReturnedItem_CancelsIt()
    {
        using ClockThreadScheduler clock = new("test-clock");
        int cancelledRan = 0;
        using ManualResetEventSlim after = new();

        IDisposable cancelled = clock.Schedule(TimeSpan.FromMilliseconds(30), () => Interlocked.Increment(ref cancelledRan));
        clock.Schedule(TimeSpan.FromMilliseconds(60), after.Set);
        cancelled.Dispose();

        Assert.True(after.Wait(Bound));
        Assert.Equal(0, Volatile.Read(ref cancelledRan));
    }

    [Fact]
    public void RecursiveSchedule_RepeatsAndStopsWhenDisposed()
    {
        using ClockThreadScheduler clock = new("test-clock");
        int ticks = 0;
        using ManualResetEventSlim five = new();

        IDisposable repeating = clock.Schedule(TimeSpan.FromMilliseconds(5), again =>
        {
            if (Interlocked.Increment(ref ticks) == 5)
            {
                five.Set();
            }

            again(TimeSpan.FromMilliseconds(5));
        });

        Assert.True(five.Wait(Bound));
        repeating.Dispose();
        int stoppedAt = Volatile.Read(ref ticks);
        // One thread, items in due order: by the time an item due 50 ms on has run, ten more ticks would have.
        using ManualResetEventSlim later = new();
        clock.Schedule(TimeSpan.FromMilliseconds(50), later.Set);
        Assert.True(later.Wait(Bound));
        Assert.InRange(Volatile.Read(ref ticks), stoppedAt, stoppedAt + 1); // at most the one already running
    }

    [Fact]
    public void Dispose_StopsTheClock_AndRefusesNewWork()
    {
        string name = UniqueName();
        ClockThreadScheduler clock = new(name);
        int ran = 0;
        clock.Schedule(TimeSpan.FromMilliseconds(50), () => Interlocked.Increment(ref ran));

        clock.Dispose();
        clock.Schedule(() => Interlocked.Increment(ref ran)); // dropped, not an error

        // Once its thread has ended nothing can run any more.
        Assert.True(SpinWait.SpinUntil(() => ThreadState(name) is null, Bound), $"clock thread {name} still there");
        Assert.Equal(0, Volatile.Read(ref ran));
    }

    [Fact]
    public void Dispose_WhileARecurringItemRuns_ItsRescheduleIsDropped_NotThrownOnTheClockThread()
    {
        // Pins: the supervisor's clock was disposed while its sampler ran; the sampler's Rx recursion then
        // rescheduled on the disposed clock, which threw on the clock thread and aborted `tuiproc run` (134).
        ClockThreadScheduler clock = new("test-clock");
        using ManualResetEventSlim running = new(), disposed = new(), done = new();
        Exception? thrown = null;
        int runs = 0;
        clock.Schedule(TimeSpan.Zero, again =>
        {
            Interlocked.Increment(ref runs);
            running.Set();
            disposed.Wait(Bound);
            try
            {
                again(TimeSpan.Zero);
            }
            catch (Exception e)
            {
                thrown = e;
            }

            done.Set();
        });

        Assert.True(running.Wait(Bound));
        clock.Dispose();
        disposed.Set();
        Assert.True(done.Wait(Bound));
        Thread.Sleep(50);

        Assert.Null(thrown);
        Assert.Equal(1, Volatile.Read(ref runs));
    }

    /// <summary>A thread name of its own (at most 15 characters, the kernel's limit), so that /proc tells its thread apart.</summary>
    private static string UniqueName() => "clk-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The state letter of this process's thread named <paramref name="name"/> (/proc/self/task/*/stat); null when there is none.</summary>
    private static char? ThreadState(string name)
    {
        foreach (string task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                if (File.ReadAllText(task + "/comm").TrimEnd('\n') == name)
                {
                    string stat = File.ReadAllText(task + "/stat");
                    return stat[stat.LastIndexOf(')') + 2];
                }
            }
            catch (IOException)
            {
                // the thread ended meanwhile
            }
        }

        return null;
    }
}
