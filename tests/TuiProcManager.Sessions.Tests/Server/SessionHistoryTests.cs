using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions.Tests.Server;

public sealed class SessionHistoryTests
{
    private readonly EventBuilder _e = new();

    [Fact]
    public void Until_KeepsEveryLifecycleEventAndTheNewestLinesOfEachWorker_InOrder()
    {
        SessionHistory history = new(new HistoryLimits { LinesPerWorker = 3 });
        history.OnNext(_e.Spawned(1));
        history.OnNext(_e.Spawned(2));
        for (int i = 1; i <= 10; i++)
        {
            history.OnNext(_e.Line(1, $"one {i}"));
            history.OnNext(_e.Line(2, $"two {i}"));
        }

        history.OnNext(_e.Ended(1));

        IReadOnlyList<SupervisorEvent> past = history.Until(history.LastSequence, TimeSpan.Zero)!;

        Assert.IsType<SupervisorSnapshot>(past[0]);
        Assert.Equal(past.Skip(1).Select(e => e.Sequence).Order(), past.Skip(1).Select(e => e.Sequence));
        Assert.Equal(["one 8", "two 8", "one 9", "two 9", "one 10", "two 10"], past.OfType<OutputLine>().Select(l => l.Text));
        Assert.Equal(2, past.OfType<WorkerSpawned>().Count());
        Assert.Single(past.OfType<WorkerEnded>());
        Assert.Equal(2, history.Spawned);
        Assert.Equal(1, history.Alive);
    }

    [Fact]
    public void Until_PastTheOverallBound_DropsTheOldestLinesOfAnyWorker()
    {
        SessionHistory history = new(new HistoryLimits { LinesPerWorker = 100, Lines = 5 });
        history.OnNext(_e.Spawned(1));
        history.OnNext(_e.Spawned(2));
        for (int i = 1; i <= 4; i++)
        {
            history.OnNext(_e.Line(1, $"one {i}"));
        }

        for (int i = 1; i <= 4; i++)
        {
            history.OnNext(_e.Line(2, $"two {i}"));
        }

        IReadOnlyList<SupervisorEvent> past = history.Until(history.LastSequence, TimeSpan.Zero)!;

        Assert.Equal(["one 4", "two 1", "two 2", "two 3", "two 4"], past.OfType<OutputLine>().Select(l => l.Text));
        Assert.Equal(5, history.LinesKept);
    }

    [Fact]
    public void OneWorkerFloodingPastItsBound_TheOrderQueueHoldsOnlyItsKeptLines()
    {
        // Pins: every line past a worker's bound left an entry behind, swept only every 200,000 lines with a
        // HashSet of every kept line: a third of the history thread's CPU in a million-line flood.
        SessionHistory history = new(new HistoryLimits { LinesPerWorker = 10, Lines = 1_000 });
        history.OnNext(_e.Spawned(1));
        for (int i = 1; i <= 5_000; i++)
        {
            history.OnNext(_e.Line(1, $"line {i}"));
            Assert.True(history.OrderEntries <= 10, $"{history.OrderEntries} order entries after line {i}");
        }

        IReadOnlyList<SupervisorEvent> past = history.Until(history.LastSequence, TimeSpan.Zero)!;
        Assert.Equal(Enumerable.Range(4_991, 10).Select(i => $"line {i}"), past.OfType<OutputLine>().Select(l => l.Text));
    }

    [Fact]
    public void AQuietWorkersOldLineHoldsTheFront_TheFloodersDroppedEntriesAreSwept_BothKeepTheirNewest()
    {
        SessionHistory history = new(new HistoryLimits { LinesPerWorker = 10, Lines = 1_000 });
        history.OnNext(_e.Spawned(1));
        history.OnNext(_e.Spawned(2));
        history.OnNext(_e.Line(1, "quiet"));
        for (int i = 1; i <= 20_000; i++)
        {
            history.OnNext(_e.Line(2, $"flood {i}"));
            Assert.True(history.OrderEntries <= (2 * 1_000) + 1_024 + 1, $"{history.OrderEntries} order entries after line {i}");
        }

        IReadOnlyList<SupervisorEvent> past = history.Until(history.LastSequence, TimeSpan.Zero)!;
        Assert.Equal(["quiet", .. Enumerable.Range(19_991, 10).Select(i => $"flood {i}")], past.OfType<OutputLine>().Select(l => l.Text));
        Assert.Equal(11, history.LinesKept);
    }

    [Fact]
    public void ABatch_KeepsWhatTheSameEventsOneByOneKeep_AndSaysSpawnsOnce()
    {
        HistoryLimits limits = new() { LinesPerWorker = 10, Lines = 1_000 };
        List<SupervisorEvent> events = [_e.Spawned(1), _e.Spawned(2)];
        for (int i = 1; i <= 3_000; i++)
        {
            events.Add(_e.Line(1, $"one {i}"));
            if (i % 500 == 0)
            {
                events.Add(_e.Line(2, $"two {i}"));
            }
        }

        events.Add(_e.Ended(2));

        SessionHistory oneByOne = new(limits);
        events.ForEach(oneByOne.OnNext);
        SessionHistory batched = new(limits);
        int changes = 0;
        batched.WorkersChanged += () => changes++;

        batched.OnNext((IReadOnlyList<SupervisorEvent>)events);

        Assert.Equal(
            oneByOne.Until(oneByOne.LastSequence, TimeSpan.Zero)!.Select(Describe),
            batched.Until(batched.LastSequence, TimeSpan.Zero)!.Select(Describe));
        Assert.Equal(oneByOne.LinesKept, batched.LinesKept);
        Assert.Equal(16, batched.LinesKept); // one's last 10, two's 6
        Assert.Equal(1, changes);
        Assert.Equal(oneByOne.LastSequence, batched.LastSequence);
    }

    private static string Describe(SupervisorEvent e) => $"{e.Sequence} {e.GetType().Name} {(e as OutputLine)?.Text}";

    [Fact]
    public void Until_LeavesOutWhatCameAfterTheSequenceAsked()
    {
        SessionHistory history = new();
        history.OnNext(_e.Spawned(1));
        long at = history.LastSequence;
        history.OnNext(_e.Line(1, "later"));

        IReadOnlyList<SupervisorEvent> past = history.Until(at, TimeSpan.Zero)!;

        Assert.DoesNotContain(past, e => e is OutputLine);
    }

    [Fact]
    public async Task Until_ASequenceNotReachedYet_WaitsForIt()
    {
        SessionHistory history = new();
        history.OnNext(_e.Spawned(1));
        WorkerSpawned second = _e.Spawned(2);

        Task<IReadOnlyList<SupervisorEvent>?> waiting = Task.Run(() => history.Until(second.Sequence, TimeSpan.FromMinutes(1)));
        history.OnNext(second);

        IReadOnlyList<SupervisorEvent>? past = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, past!.OfType<WorkerSpawned>().Count());
    }

    [Fact]
    public void Until_ASequenceNeverReached_GivesUpWithNull()
    {
        SessionHistory history = new();
        history.OnNext(_e.Spawned(1));

        Assert.Null(history.Until(history.LastSequence + 1, TimeSpan.FromMilliseconds(20)));
    }

    [Fact]
    public void SamplesAndStateChanges_AreKeptPerWorkerUpToTheirBounds()
    {
        SessionHistory history = new(new HistoryLimits { SamplesPerWorker = 2, ChangesPerWorker = 2 });
        history.OnNext(_e.Spawned(1));
        for (int i = 0; i < 5; i++)
        {
            history.OnNext(_e.Sample(1, cpu: i));
            history.OnNext(_e.Machine(i));
            history.OnNext(_e.State(1, WorkerState.Running, WorkerState.Waiting));
        }

        IReadOnlyList<SupervisorEvent> past = history.Until(history.LastSequence, TimeSpan.Zero)!;

        Assert.Equal([3.0, 4.0], past.OfType<ResourceSampled>().Select(s => s.Process.CpuPercent));
        Assert.Equal(2, past.OfType<MachineSampled>().Count());
        Assert.Equal(2, past.OfType<WorkerStateChanged>().Count());
    }

    [Fact]
    public void WorkersChanged_IsRaisedForSpawnAndEnd_NotForOutput()
    {
        SessionHistory history = new();
        int raised = 0;
        history.WorkersChanged += () => raised++;

        history.OnNext(_e.Spawned(1));
        history.OnNext(_e.Line(1, "x"));
        history.OnNext(_e.Ended(1));

        Assert.Equal(2, raised);
    }
}
