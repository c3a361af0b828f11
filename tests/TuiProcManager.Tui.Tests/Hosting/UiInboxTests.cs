using System.Reactive.Concurrency;
using Microsoft.Reactive.Testing;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Hosting;

/// <summary>Batching, one batch in flight, and the bound while the UI is behind; on virtual time.</summary>
public sealed class UiInboxTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(33);
    private readonly Events _e = new();
    private readonly TestScheduler _time = new();
    private readonly List<(long At, IList<SupervisorEvent> Batch)> _batches = [];

    [Fact]
    public void EventsWithinAWindow_ArriveTogether_WhenTheWindowCloses()
    {
        using UiInbox inbox = Inbox(ImmediateScheduler.Instance);

        At(100, () => inbox.OnNext(_e.Spawned(1)));
        At(110, () => inbox.OnNext(_e.Line(1, "a")));
        At(120, () => inbox.OnNext(_e.Line(1, "b")));
        At(500, () => inbox.OnNext(_e.Line(1, "c")));
        _time.AdvanceTo(TimeSpan.FromSeconds(1).Ticks);

        Assert.Equal([(Ms(133), 3), (Ms(533), 1)], _batches.Select(b => (b.At, b.Batch.Count)));
    }

    [Fact]
    public void Flood_AtMostOneBatchPerWindow_NothingLostWhileTheUiKeepsUp()
    {
        using UiInbox inbox = Inbox(ImmediateScheduler.Instance);
        for (int i = 0; i < 10_000; i++)
        {
            At(i / 10.0, () => inbox.OnNext(_e.Line(1, "x")));
        }

        _time.AdvanceTo(TimeSpan.FromSeconds(2).Ticks);

        Assert.Equal(10_000, _batches.Sum(b => b.Batch.Count)); // one second of flood
        Assert.InRange(_batches.Count, 28, 31); // about 30 updates, not 10,000
        Assert.Equal(0, inbox.DroppedLines);
    }

    [Fact]
    public void NothingHappening_NoTimerIsScheduled()
    {
        CountingScheduler timers = new(_time);
        using UiInbox inbox = new(Window, timers, ImmediateScheduler.Instance, b => _batches.Add((_time.Clock, b)));

        _time.AdvanceTo(TimeSpan.FromSeconds(10).Ticks);

        Assert.Equal(0, timers.Scheduled);
    }

    [Fact]
    public void UiBehind_OneBatchInFlight_OldestLinesBeyondTheBoundDropped_CountedPerWorker_TailAndLifecycleKept()
    {
        TestScheduler ui = new(); // runs only when the test lets it: a UI thread that is busy
        using UiInbox inbox = Inbox(ui);
        inbox.OnNext(_e.Line(1, "first"));
        _time.AdvanceBy(Ms(40)); // the first window closes: its batch waits for the UI

        int sent = UiInbox.MaxPendingLines + 500;
        for (int i = 0; i < sent; i++)
        {
            inbox.OnNext(_e.Line(i % 2 == 0 ? 1 : 2, $"flood {i}"));
        }

        inbox.OnNext(_e.Ended(1));
        _time.AdvanceBy(Ms(1000)); // however long the UI takes, no second batch is sent meanwhile
        Assert.Empty(_batches);

        ui.AdvanceBy(1); // the UI takes the first batch; the next window opens
        Assert.Single(_batches);
        _time.AdvanceBy(Ms(40));
        ui.AdvanceBy(1);

        Assert.Equal(2, _batches.Count);
        IList<SupervisorEvent> second = _batches[1].Batch;
        OutputLine[] lines = [.. second.OfType<OutputLine>()];
        Assert.InRange(lines.Length, UiInbox.MaxPendingLines / 2, UiInbox.MaxPendingLines);
        Assert.Equal($"flood {sent - 1}", lines[^1].Text); // the tail is what is kept
        Assert.Equal(sent - lines.Length, inbox.DroppedLines);
        Assert.Single(second.OfType<WorkerEnded>());
        Dictionary<WorkerId, long> dropped = second.OfType<EventsDropped>().ToDictionary(d => d.Worker!.Value, d => d.OutputLines);
        Assert.Equal(inbox.DroppedLines, dropped.Values.Sum());
        Assert.Equal(2, dropped.Count); // each worker's own count
    }

    private static long Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds).Ticks;

    private UiInbox Inbox(IScheduler ui) => new(Window, _time, ui, b => _batches.Add((_time.Clock, b)));

    private void At(double milliseconds, Action action) => _time.Schedule(TimeSpan.FromMilliseconds(milliseconds), action);
}
