using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Streaming;

/// <summary>
/// The lossy subscribers' one drop rule: the oldest output and samples go first, so a subscriber that fell
/// behind gets the tail (what the Output panel shows); each gap is counted where it is.
/// </summary>
public sealed class LossyBoundsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<QueuedEvent> _waiting = [];
    private long _sequence;
    private readonly Dictionary<int, long> _lineNumbers = [];

    private SupervisorEvent[] Waiting => [.. _waiting.Select(q => q.Event)];

    [Fact]
    public void Add_PastCapacity_OldestLinesDropped_NewestKept_TheNoticeInThePlaceOfTheFirstDropped()
    {
        LossyBounds bounds = new(new DeliveryLimits(100, 1_000_000, 10_000));
        bounds.Add(_waiting, Spawned(1));
        for (int i = 0; i < 1000; i++)
        {
            bounds.Add(_waiting, Line(1));
        }

        Assert.InRange(_waiting.Count, 2, 100);
        SupervisorEvent[] got = Waiting;
        Assert.IsType<WorkerSpawned>(got[0]);
        EventsDropped notice = Assert.IsType<EventsDropped>(got[1]);
        OutputLine[] kept = [.. got.OfType<OutputLine>()];
        Assert.Equal(1000 - kept.Length, notice.OutputLines);
        Assert.Equal(notice.Count, notice.OutputLines);
        Assert.Equal(2, notice.Sequence); // the first line's: where the gap starts
        Assert.Equal(Enumerable.Range(1001 - kept.Length, kept.Length).Select(n => (long)n), kept.Select(l => l.Number)); // the tail, whole
        Assert.Single(got.OfType<EventsDropped>()); // many passes, one gap: one notice
    }

    [Fact]
    public void Add_AnotherWorkersLinesBetween_OneGapPerWorker_EachNoticeBeforeItsWorkersTail()
    {
        LossyBounds bounds = new(new DeliveryLimits(100, 1_000_000, 10_000));
        bounds.Add(_waiting, Spawned(1));
        bounds.Add(_waiting, Spawned(2));
        for (int i = 0; i < 1000; i++)
        {
            bounds.Add(_waiting, Line(1 + (i % 2)));
        }

        SupervisorEvent[] got = Waiting;
        foreach (int worker in new[] { 1, 2 })
        {
            SupervisorEvent[] its = [.. got.Where(e => WorkerOf(e) == worker)];
            Assert.IsType<WorkerSpawned>(its[0]);
            EventsDropped notice = Assert.IsType<EventsDropped>(its[1]);
            OutputLine[] kept = [.. its.Skip(2).Cast<OutputLine>()];
            Assert.Equal(500 - kept.Length, notice.OutputLines);
            Assert.Equal(notice.OutputLines + 1, kept[0].Number);
        }
    }

    [Fact]
    public void Add_AKeptEventOfTheWorkerBetweenDroppedLines_TwoGaps_EachNoticeWhereItsGapIs()
    {
        // Enough lines on both sides of a state change that the oldest of each side are dropped.
        LossyBounds bounds = new(new DeliveryLimits(100, 1_000_000, 10_000));
        for (int i = 0; i < 60; i++)
        {
            bounds.Add(_waiting, Line(1));
        }

        bounds.Add(_waiting, State(1));
        for (int i = 0; i < 500; i++)
        {
            bounds.Add(_waiting, Line(1));
        }

        SupervisorEvent[] got = Waiting;
        int state = Array.FindIndex(got, e => e is WorkerStateChanged);
        EventsDropped before = Assert.IsType<EventsDropped>(got[0]);
        EventsDropped after = Assert.IsType<EventsDropped>(got[state + 1]);
        Assert.Equal(60, before.OutputLines); // every line before the state change
        Assert.Equal(1, before.Sequence);
        Assert.Equal(62, after.Sequence); // the first line after it
        Assert.Equal(560, before.OutputLines + after.OutputLines + got.OfType<OutputLine>().Count());
        Assert.Equal(after.OutputLines + 61, got.OfType<OutputLine>().First().Number);
    }

    [Fact]
    public void Add_PastTheTextBound_OldestLinesDroppedUntilHalfTheTextWaits()
    {
        LossyBounds bounds = new(new DeliveryLimits(100_000, 10_000, 400_000));
        for (int i = 0; i < 100; i++)
        {
            bounds.Add(_waiting, Line(1, new string('x', 1000)));
        }

        long chars = Waiting.OfType<OutputLine>().Sum(l => l.Text.Length);
        Assert.InRange(chars, 1, 10_000);
        Assert.Equal(100_000, chars + (Waiting.OfType<EventsDropped>().Single().OutputLines * 1000));
        Assert.Equal(100, Waiting.OfType<OutputLine>().Last().Number);
    }

    [Fact]
    public void Add_StateChangesBelowTheHardCapacity_AreKept_WhileSamplesBesideThemAreDropped()
    {
        LossyBounds bounds = new(new DeliveryLimits(100, 1_000_000, 10_000)); // hard capacity 400
        for (int i = 0; i < 300; i++)
        {
            bounds.Add(_waiting, State(1));
            bounds.Add(_waiting, Sample(2));
            bounds.Add(_waiting, Sample(2));
        }

        SupervisorEvent[] got = Waiting;
        Assert.Equal(300, got.OfType<WorkerStateChanged>().Count());
        Assert.InRange(got.OfType<ResourceSampled>().Count(), 0, 50); // at most those since the last pass
        Assert.Equal(600, got.OfType<ResourceSampled>().Count() + got.OfType<EventsDropped>().Sum(d => d.Count));
    }

    [Fact]
    public void Add_StateChangesPastTheHardCapacity_TheOldestDropped_Counted()
    {
        DeliveryLimits limits = new(100, 1_000_000, 10_000); // hard capacity 400
        LossyBounds bounds = new(limits);
        for (int i = 0; i < 1000; i++)
        {
            bounds.Add(_waiting, State(1));
        }

        SupervisorEvent[] got = Waiting;
        Assert.InRange(got.Length, 2, limits.HardCapacity + (limits.Capacity / 2));
        EventsDropped notice = Assert.IsType<EventsDropped>(got[0]);
        Assert.Equal(1000, got.OfType<WorkerStateChanged>().Count() + notice.Count);
        Assert.Equal(0, notice.OutputLines);
        Assert.Equal(1000, got[^1].Sequence); // the newest kept
    }

    [Fact]
    public void Add_LifecycleEvents_NeverDropped_HoweverManyWait()
    {
        LossyBounds bounds = new(new DeliveryLimits(100, 1_000_000, 10_000));
        for (int i = 0; i < 500; i++)
        {
            bounds.Add(_waiting, Spawned(i + 1));
            bounds.Add(_waiting, Line(i + 1));
            bounds.Add(_waiting, Ended(i + 1));
        }

        SupervisorEvent[] got = Waiting;
        Assert.Equal(500, got.OfType<WorkerSpawned>().Count());
        Assert.Equal(500, got.OfType<WorkerEnded>().Count());
        Assert.InRange(got.OfType<OutputLine>().Count(), 0, 50); // at most those since the last pass
    }

    [Fact]
    public void Taken_EverythingGone_TheBoundStartsAgain()
    {
        LossyBounds bounds = new(new DeliveryLimits(100, 1_000_000, 10_000));
        for (int i = 0; i < 100; i++)
        {
            bounds.Add(_waiting, Line(1));
        }

        _waiting.Clear();
        bounds.Taken();
        for (int i = 0; i < 100; i++)
        {
            bounds.Add(_waiting, Line(1));
        }

        Assert.Equal(100, _waiting.Count); // exactly the capacity waits: nothing dropped
        Assert.Empty(Waiting.OfType<EventsDropped>());
    }

    private static int WorkerOf(SupervisorEvent e) => e switch
    {
        WorkerEvent w => w.Worker.Value,
        EventsDropped d => d.Worker!.Value.Value,
        _ => 0,
    };

    private WorkerSpawned Spawned(int worker) => new(++_sequence, T0, new WorkerId(worker), WorkerSpec.Square("10"), 1000 + worker);

    private WorkerEnded Ended(int worker) => new(++_sequence, T0, new WorkerId(worker), WorkerExit.Exited(0));

    private WorkerStateChanged State(int worker) => new(++_sequence, T0, new WorkerId(worker), WorkerState.Running, WorkerState.Waiting, "test");

    private ResourceSampled Sample(int worker) =>
        new(++_sequence, T0, new WorkerId(worker), new ProcessSample(1000 + worker, 1, "worker", WorkerState.Running, 1, TimeSpan.Zero, 4096), []);

    private OutputLine Line(int worker, string text = "x")
    {
        long number = _lineNumbers[worker] = _lineNumbers.GetValueOrDefault(worker) + 1;
        return new OutputLine(++_sequence, T0, new WorkerId(worker), OutputChannel.Stdout, text, number);
    }
}
