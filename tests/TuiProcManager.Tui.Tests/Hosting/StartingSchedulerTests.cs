using System.Reactive.Concurrency;
using Microsoft.Reactive.Testing;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.Tui.Tests.Hosting;

/// <summary>
/// The UI thread's scheduler before the loop runs: the screen's first batch is applied on the main thread
/// before the first frame, and nothing is lost, run twice or reordered when the loop takes over.
/// </summary>
public sealed class StartingSchedulerTests
{
    [Fact]
    public void WorkBeforeTheLoop_WaitsUntilRunWaiting_ThenRunsInOrder_OnTheCallingThread_WithWhatItSchedules()
    {
        // Pins: a session's history drawn a frame late, after a first frame of empty panels.
        using StartingScheduler starting = new();
        List<(string What, int Thread)> ran = [];
        Thread reader = new(() =>
        {
            _ = starting.Schedule(() => ran.Add(("history", Environment.CurrentManagedThreadId)));
            _ = starting.Schedule(() => ran.Add(("live", Environment.CurrentManagedThreadId)));
        });
        reader.Start();
        reader.Join();

        Assert.True(starting.WaitForWork(TimeSpan.Zero));
        Assert.Empty(ran);
        _ = starting.Schedule(() => _ = starting.Schedule(() => ran.Add(("scheduled by work", Environment.CurrentManagedThreadId))));
        starting.RunWaiting();

        Assert.Equal(["history", "live", "scheduled by work"], ran.Select(r => r.What));
        Assert.All(ran, r => Assert.Equal(Environment.CurrentManagedThreadId, r.Thread));
    }

    [Fact]
    public void NothingScheduled_WaitForWorkSaysSo()
    {
        using StartingScheduler starting = new();

        Assert.False(starting.WaitForWork(TimeSpan.Zero));
    }

    [Fact]
    public void HandOver_WhatStillWaitsGoesToTheLoopFirst_InOrder_ThenEverythingGoesThere_AndCancelledWorkNeverRuns()
    {
        using StartingScheduler starting = new();
        TestScheduler loop = new();
        List<string> ran = [];
        _ = starting.Schedule(() => ran.Add("first"));
        IDisposable dropped = starting.Schedule(() => ran.Add("cancelled"));
        _ = starting.Schedule(() => ran.Add("second"));
        dropped.Dispose();

        starting.HandOver(loop);
        _ = starting.Schedule(() => ran.Add("after the hand-over"));
        Assert.Empty(ran); // nothing runs on the main thread once the loop has it
        loop.AdvanceBy(1);

        Assert.Equal(["first", "second", "after the hand-over"], ran);
        starting.RunWaiting();
        Assert.Equal(3, ran.Count); // run once only
    }

    [Fact]
    public void TimedWork_NotYetDue_WaitsForTheLoop_WithItsTimeLeft()
    {
        using StartingScheduler starting = new();
        TestScheduler loop = new();
        List<string> ran = [];
        _ = starting.Schedule(TimeSpan.FromHours(1), () => ran.Add("in an hour"));

        starting.RunWaiting();
        Assert.Empty(ran);
        starting.HandOver(loop);
        loop.AdvanceBy(TimeSpan.FromMinutes(59).Ticks);
        Assert.Empty(ran);
        loop.AdvanceBy(TimeSpan.FromMinutes(2).Ticks);

        Assert.Equal(["in an hour"], ran);
    }
}
