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
        history.OnEvent(_e.Spawned(1));
        history.OnEvent(_e.Spawned(2));
        for (int i = 1; i <= 10; i++)
        {
            history.OnEvent(_e.Line(1, $"one {i}"));
            history.OnEvent(_e.Line(2, $"two {i}"));
        }

        history.OnEvent(_e.Ended(1));

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
        history.OnEvent(_e.Spawned(1));
        history.OnEvent(_e.Spawned(2));
        for (int i = 1; i <= 4; i++)
        {
            history.OnEvent(_e.Line(1, $"one {i}"));
        }

        for (int i = 1; i <= 4; i++)
        {
            history.OnEvent(_e.Line(2, $"two {i}"));
        }

        IReadOnlyList<SupervisorEvent> past = history.Until(history.LastSequence, TimeSpan.Zero)!;

        Assert.Equal(["one 4", "two 1", "two 2", "two 3", "two 4"], past.OfType<OutputLine>().Select(l => l.Text));
        Assert.Equal(5, history.LinesKept);
    }

    [Fact]
    public void OneWorkerFloodingPastItsBound_ItsLinesAreOneRunInTheOrderQueue()
    {
        // Pins: an order entry per line, each looked up twice as it left, was a third of the history's CPU in
        // a million-line flood; a worker's lines in a row are one run.
        SessionHistory history = new(new HistoryLimits { LinesPerWorker = 10, Lines = 1_000 });
        history.OnEvent(_e.Spawned(1));
        for (int i = 1; i <= 5_000; i++)
        {
            history.OnEvent(_e.Line(1, $"line {i}"));
            Assert.Equal(1, history.OrderRuns);
        }

        IReadOnlyList<SupervisorEvent> past = history.Until(history.LastSequence, TimeSpan.Zero)!;
        Assert.Equal(Enumerable.Range(4_991, 10).Select(i => $"line {i}"), past.OfType<OutputLine>().Select(l => l.Text));
    }

    [Fact]
    public void AQuietWorkersOldLineHoldsTheFront_TwoFloodersTakingTurns_TheRunsStayBounded_AllKeepTheirNewest()
    {
        // Behind the quiet line, the flooders' runs are over as soon as their bound drops them, but cannot
        // leave from the front: the sweep lets them go.
        SessionHistory history = new(new HistoryLimits { LinesPerWorker = 10, Lines = 1_000 });
        history.OnEvent(_e.Spawned(1));
        history.OnEvent(_e.Spawned(2));
        history.OnEvent(_e.Spawned(3));
        history.OnEvent(_e.Line(1, "quiet"));
        for (int i = 1; i <= 20_000; i++)
        {
            history.OnEvent(_e.Line(2 + (i % 2), $"flood {i}"));
            Assert.True(history.OrderRuns <= (2 * 21) + 1_024 + 1, $"{history.OrderRuns} runs after line {i}");
        }

        IReadOnlyList<SupervisorEvent> past = history.Until(history.LastSequence, TimeSpan.Zero)!;
        Assert.Equal(["quiet", .. Enumerable.Range(19_981, 20).Select(i => $"flood {i}")], past.OfType<OutputLine>().Select(l => l.Text));
        Assert.Equal(21, history.LinesKept);
    }

    [Theory]
    [InlineData(10, 1_000, 1)]
    [InlineData(10, 25, 2)]
    [InlineData(50, 60, 3)]
    [InlineData(3, 5, 4)]
    public void LinesInReadsOfAnySize_KeepWhatTheSimplestModelKeeps(int perWorker, int overall, int seed)
    {
        // The model: every line in order; a worker's oldest goes past its bound, the oldest of all past the
        // overall bound, after each line. Reads are as the supervisor publishes them: one worker's lines in a
        // row, from one line to more than a worker's bound.
        Random random = new(seed);
        SessionHistory history = new(new HistoryLimits { LinesPerWorker = perWorker, Lines = overall });
        List<OutputLine> model = [];
        for (int id = 1; id <= 4; id++)
        {
            history.OnEvent(_e.Spawned(id));
        }

        for (int read = 0; read < 2_000; read++)
        {
            int worker = random.Next(1, 5);
            OutputLine[] lines = [.. Enumerable.Range(0, random.Next(4) == 0 ? random.Next(1, 3 * perWorker) : random.Next(1, 4)).Select(i => _e.Line(worker, $"{worker}.{read}.{i}"))];
            history.OnLines(lines);
            foreach (OutputLine line in lines)
            {
                model.Add(line);
                if (model.Count(l => l.Worker == line.Worker) > perWorker)
                {
                    model.Remove(model.First(l => l.Worker == line.Worker));
                }

                if (model.Count > overall)
                {
                    model.RemoveAt(0);
                }
            }

            Assert.Equal(model.Count, history.LinesKept);
        }

        IReadOnlyList<SupervisorEvent> past = history.Until(history.LastSequence, TimeSpan.Zero)!;
        Assert.Equal(model.Select(l => l.Text), past.OfType<OutputLine>().Select(l => l.Text));
        Assert.True(history.OrderRuns <= model.Count + 1_025, $"{history.OrderRuns} runs for {model.Count} lines");
    }

    [Fact]
    public void Until_LeavesOutWhatCameAfterTheSequenceAsked()
    {
        SessionHistory history = new();
        history.OnEvent(_e.Spawned(1));
        long at = history.LastSequence;
        history.OnEvent(_e.Line(1, "later"));

        IReadOnlyList<SupervisorEvent> past = history.Until(at, TimeSpan.Zero)!;

        Assert.DoesNotContain(past, e => e is OutputLine);
    }

    [Fact]
    public async Task Until_ASequenceNotReachedYet_WaitsForIt()
    {
        SessionHistory history = new();
        history.OnEvent(_e.Spawned(1));
        WorkerSpawned second = _e.Spawned(2);

        Task<IReadOnlyList<SupervisorEvent>?> waiting = Task.Run(() => history.Until(second.Sequence, TimeSpan.FromMinutes(1)));
        history.OnEvent(second);

        IReadOnlyList<SupervisorEvent>? past = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, past!.OfType<WorkerSpawned>().Count());
    }

    [Fact]
    public void Until_ASequenceNeverReached_GivesUpWithNull()
    {
        SessionHistory history = new();
        history.OnEvent(_e.Spawned(1));

        Assert.Null(history.Until(history.LastSequence + 1, TimeSpan.FromMilliseconds(20)));
    }

    [Fact]
    public void SamplesAndStateChanges_AreKeptPerWorkerUpToTheirBounds()
    {
        SessionHistory history = new(new HistoryLimits { SamplesPerWorker = 2, ChangesPerWorker = 2 });
        history.OnEvent(_e.Spawned(1));
        for (int i = 0; i < 5; i++)
        {
            history.OnEvent(_e.Sample(1, cpu: i));
            history.OnEvent(_e.Machine(i));
            history.OnEvent(_e.State(1, WorkerState.Running, WorkerState.Waiting));
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

        history.OnEvent(_e.Spawned(1));
        history.OnEvent(_e.Line(1, "x"));
        history.OnEvent(_e.Ended(1));

        Assert.Equal(2, raised);
    }
}
