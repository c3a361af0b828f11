using System.Reactive;
using System.Reactive.Concurrency;
using Microsoft.Reactive.Testing;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Tests.TestSupport;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Streaming;

/// <summary>
/// The screen's one delivery policy (<see cref="Supervision.ISupervisor.ScreenBatches"/>), on virtual time:
/// batches per window, one in flight, the bound while the screen is behind, the tail kept, each gap counted
/// where it is. <see cref="_time"/> is the supervisor's delivery threads (the window's timer); the screen's
/// thread is either at once (a screen that keeps up) or a scheduler of its own that runs only when told (a
/// busy UI thread).
/// </summary>
public sealed class ScreenBatchesTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(33);
    private readonly TestScheduler _time = new();
    private readonly SupervisorHarness _h;
    private readonly List<(long At, IList<SupervisorEvent> Batch)> _batches = [];
    private bool _completed;

    public ScreenBatchesTests() => _h = new SupervisorHarness(delivery: _time);

    public void Dispose() => _h.Dispose();

    [Fact]
    public void EventsWithinAWindow_ArriveTogether_WhenTheWindowCloses()
    {
        using IDisposable screen = Subscribe(ImmediateScheduler.Instance);
        At(100, () => _h.Supervisor.Spawn(WorkerSpec.Square("10")));
        At(110, () => Write(100, "a"));
        At(120, () => Write(100, "b"));
        At(500, () => Write(100, "c"));
        _time.AdvanceTo(TimeSpan.FromSeconds(1).Ticks);

        Assert.Equal([(Ms(33), 1), (Ms(133), 3), (Ms(533), 1)], _batches.Select(b => (b.At, b.Batch.Count)));
        Assert.IsType<SupervisorSnapshot>(_batches[0].Batch[0]); // the snapshot first, then live events from exactly there
    }

    [Fact]
    public void FirstWindowZero_TheSnapshotIsHandedOverAtOnce_LaterEventsPacedAsBefore()
    {
        // Pins: an attaching screen waited a whole window for the snapshot that carries the session's history.
        using IDisposable screen = _h.Supervisor.ScreenBatches(new ScreenPacing(Window, 5_000) { FirstWindow = TimeSpan.Zero }, ImmediateScheduler.Instance)
            .Subscribe(b => _batches.Add((_time.Clock, b)));
        At(100, () => _h.Supervisor.Spawn(WorkerSpec.Square("10")));
        At(110, () => Write(100, "a"));
        At(500, () => Write(100, "b"));
        _time.AdvanceTo(TimeSpan.FromSeconds(1).Ticks);

        Assert.InRange(_batches[0].At, 0, Ms(1)); // at once: the virtual clock's next tick
        Assert.IsType<SupervisorSnapshot>(Assert.Single(_batches[0].Batch));
        Assert.Equal([(Ms(133), 2), (Ms(533), 1)], _batches.Skip(1).Select(b => (b.At, b.Batch.Count)));
    }

    [Fact]
    public void Flood_TheScreenKeepsUp_AtMostOneBatchPerWindow_NothingDropped()
    {
        using IDisposable screen = Subscribe(ImmediateScheduler.Instance);
        _h.Supervisor.Spawn(WorkerSpec.Square("10"));
        for (int i = 0; i < 10_000; i++)
        {
            int n = i;
            At(1 + (i / 10.0), () => Write(100, $"line {n}"));
        }

        _time.AdvanceTo(TimeSpan.FromSeconds(2).Ticks);

        Assert.Equal(10_000, _batches.Sum(b => b.Batch.OfType<OutputLine>().Count())); // one second of flood
        Assert.InRange(_batches.Count, 29, 33); // about 30 updates, not 10,000
        Assert.Empty(_batches.SelectMany(b => b.Batch).OfType<EventsDropped>());
    }

    [Fact]
    public void AfterABatch_NothingMoreHappening_NoTimerAndNoHandOver()
    {
        CountingScheduler timers = new(_time);
        using SupervisorHarness h = new(delivery: timers);
        CountingScheduler ui = new(ImmediateScheduler.Instance);
        using IDisposable screen = h.Supervisor.ScreenBatches(new ScreenPacing(Window, 5_000), ui).Subscribe(b => _batches.Add((_time.Clock, b)));
        h.Supervisor.Spawn(WorkerSpec.Square("10"));
        _time.AdvanceBy(Ms(1000));
        int timersThen = timers.Scheduled;

        _time.AdvanceBy(Ms(10_000));

        Assert.Single(_batches); // the snapshot and the spawn, in one window
        Assert.Equal(1, ui.Scheduled); // one hand-over to the screen's thread per batch
        Assert.Equal(timersThen, timers.Scheduled); // and nothing at all while nothing happens
    }

    [Fact]
    public void ScreenBehind_OneBatchInFlight_OldestLinesPastTheBoundDropped_TailAndLifecycleKept_EachGapCountedWhereItIs()
    {
        TestScheduler busyUi = new(); // runs only when the test lets it: a UI thread that is busy
        CountingScheduler ui = new(busyUi);
        using IDisposable screen = _h.Supervisor.ScreenBatches(new ScreenPacing(Window, 1_000), ui)
            .Subscribe(b => _batches.Add((_time.Clock, b)), () => _completed = true);
        _h.Supervisor.Spawn(WorkerSpec.Square("10"));
        _h.Supervisor.Spawn(WorkerSpec.Square("20"));
        _time.AdvanceBy(Ms(40)); // the first window closes: its batch waits for the UI

        int sent = 5_500;
        for (int i = 0; i < sent; i++)
        {
            Write(i % 2 == 0 ? 100 : 101, $"flood {i}");
        }

        _h.Os.Exit(100, WorkerExit.Exited(0));
        _time.AdvanceBy(Ms(1000)); // however long the UI takes, nothing more is handed to it meanwhile
        Assert.Empty(_batches);
        Assert.Equal(1, ui.Scheduled);

        busyUi.AdvanceBy(1); // the UI takes what waits now

        IList<SupervisorEvent> batch = Assert.Single(_batches).Batch;
        Assert.InRange(batch.Count, 10, 1_000);
        OutputLine[] lines = [.. batch.OfType<OutputLine>()];
        Assert.Equal($"flood {sent - 1}", lines[^1].Text); // the tail is what is kept
        Assert.Single(batch.OfType<WorkerEnded>());
        Assert.Equal(2, batch.OfType<WorkerSpawned>().Count());
        foreach (int worker in new[] { 1, 2 })
        {
            SupervisorEvent[] its = [.. batch.Where(e => e is WorkerEvent w ? w.Worker.Value == worker : e is EventsDropped d && d.Worker == new WorkerId(worker))];
            Assert.IsType<WorkerSpawned>(its[0]);
            EventsDropped gap = Assert.IsType<EventsDropped>(its[1]); // each worker's own count, before its kept lines
            OutputLine[] kept = [.. its.OfType<OutputLine>()];
            Assert.Equal((sent / 2) - kept.Length, gap.OutputLines);
            Assert.Equal(gap.OutputLines + 1, kept[0].Number);
            Assert.Single(its.OfType<EventsDropped>());
        }

        _time.AdvanceBy(Ms(1000));
        busyUi.AdvanceBy(1);
        Assert.Single(_batches); // nothing came meanwhile: no second batch
        Assert.False(_completed);
    }

    [Fact]
    public void SupervisorDisposed_WhatWaitsThenCompleted_OnTheScreensThread()
    {
        TestScheduler ui = new();
        using IDisposable screen = _h.Supervisor.ScreenBatches(new ScreenPacing(Window, 5_000), ui)
            .Subscribe(b => _batches.Add((ui.Clock, b)), () => _completed = true);
        _h.Supervisor.Spawn(WorkerSpec.Square("10"));

        _h.Supervisor.Dispose();
        _time.AdvanceBy(Ms(1000));
        Assert.False(_completed); // not before the screen's thread runs
        ui.AdvanceBy(1);
        _time.AdvanceBy(Ms(1000));
        ui.AdvanceBy(1);

        Assert.Contains(_batches.SelectMany(b => b.Batch), e => e is WorkerSpawned);
        Assert.Contains(_batches.SelectMany(b => b.Batch), e => e is SignalSent); // the shutdown's SIGKILL, queued before the end
        Assert.True(_completed);
    }

    [Fact]
    public void ScreenSlowerThanAFlood_AtMostTheBoundWaits_AtEveryMoment_AndEachBatchIsTheNewest()
    {
        // What a Buffer + ObserveOn chain got wrong: a UI thread slower than a flood let the backlog grow
        // (to 6 GB) outside the bounded queue. Here nothing waits anywhere but in the queue, within its bound.
        TestScheduler busyUi = new();
        List<IList<SupervisorEvent>> got = [];
        DeliveryLimits limits = new(1_000, 1_000_000, 262_144);
        using SubscriberQueue queue = SubscriberQueue.Lossy(
            new PacedBatchDelivery(Observer.Create<IList<SupervisorEvent>>(got.Add), Window, _time, busyUi), limits);
        OutputLine[] read = new OutputLine[1_000];
        long sequence = 0;
        int most = 0;

        for (int r = 0; r < 200; r++) // 200,000 lines, a read of 1,000 at a time, one read a millisecond
        {
            for (int i = 0; i < read.Length; i++)
            {
                sequence++;
                read[i] = new OutputLine(sequence, DateTimeOffset.UnixEpoch, new WorkerId(1), OutputChannel.Stdout, "y", sequence);
            }

            queue.Enqueue(read);
            most = Math.Max(most, queue.Count);
            _time.AdvanceBy(Ms(1));
            if (r % 100 == 99)
            {
                busyUi.AdvanceBy(1); // now and then the UI gets round to a batch
            }
        }

        Assert.InRange(most, 1, limits.Capacity);
        Assert.Equal(2, got.Count);
        Assert.All(got, b => Assert.InRange(b.Count, 1, limits.Capacity));
        Assert.Equal(sequence, ((OutputLine)got[^1][^1]).Number); // the newest line, as it was when the UI took the batch
        Assert.Equal(sequence, got.Sum(b => b.OfType<OutputLine>().Count() + b.OfType<EventsDropped>().Sum(d => d.OutputLines)));
    }

    private IDisposable Subscribe(IScheduler ui) =>
        _h.Supervisor.ScreenBatches(new ScreenPacing(Window, 5_000), ui).Subscribe(b => _batches.Add((_time.Clock, b)), () => _completed = true);

    private void Write(int pid, string text) => _h.Os.EventsOf(pid).OnOutput(OutputChannel.Stdout, [text]);

    private static long Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds).Ticks;

    private void At(double milliseconds, Action action) => _time.Schedule(TimeSpan.FromMilliseconds(milliseconds), action);
}
