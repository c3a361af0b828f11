using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Workers;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>
/// A screen that attaches late (RemoteSupervisor.ScreenBatches: Watch START_HISTORY, lossy): the kept history
/// first, then live batches, with nothing lost or doubled where the two meet.
/// </summary>
public sealed class ScreenHistoryTests
{
    [Fact]
    public async Task ScreenBatches_FiftyLinesBeforeAttach_SnapshotThenSpawnThenTheFiftyInOrder()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        (WorkerId worker, int pid) = await session.SpawnAsync();
        OutputProducer.Emit(session.Os, pid, 1, 50);
        RemoteSupervisor remote = (await session.ConnectAsync()).Supervisor;
        EventRecorder screen = new();

        using IDisposable subscription = remote.ScreenBatches(ScreenPacing.Default, ImmediateScheduler.Instance).Subscribe(screen);
        await Poll.UntilAsync(() => screen.Lines.Count >= 50, "the fifty lines kept before the attach");

        IReadOnlyList<SupervisorEvent> events = screen.Events;
        SupervisorSnapshot start = Assert.IsType<SupervisorSnapshot>(events[0]);
        Assert.Equal(0, start.Sequence);
        Assert.Empty(start.Workers);
        Assert.Equal(worker, Assert.IsType<WorkerSpawned>(events.First(e => e is not SupervisorSnapshot and not MachineSampled and not WorkerScheduled)).Worker);
        Assert.True(events.OfType<OutputLine>().All(l => l.Worker == worker));
        Assert.Equal(OutputProducer.Texts(50), screen.Lines.Select(l => l.Text));
        Assert.Single(events.OfType<SupervisorSnapshot>());
    }

    [Fact]
    public async Task ScreenBatches_LinesFlowingWhileAttaching_EveryLineOnceInOrder()
    {
        // Within what the history keeps of a worker: past it, the oldest lines are gone (see the flood test).
        int total = new HistoryLimits().LinesPerWorker * 3 / 4;
        await using LiveSession session = await LiveSession.StartAsync();
        (_, int pid) = await session.SpawnAsync();
        OutputProducer.Emit(session.Os, pid, 1, 50);
        RemoteSupervisor remote = (await session.ConnectAsync()).Supervisor;
        EventRecorder screen = new();

        using IDisposable subscription = remote.ScreenBatches(ScreenPacing.Default, ImmediateScheduler.Instance).Subscribe(screen);
        // Lines go on while the server takes the history and subscribes: the seam is crossed with output in flight.
        await OutputProducer.EmitYieldingAsync(session.Os, pid, 51, total);
        await Poll.UntilAsync(() => screen.Lines.Count >= total, $"line {total} on the screen");

        IReadOnlyList<SupervisorEvent> events = screen.Events;
        Assert.Empty(events.OfType<EventsDropped>());
        Assert.Equal(OutputProducer.Texts(total), screen.Lines.Select(l => l.Text));
        Assert.Equal(Enumerable.Range(1, total).Select(n => (long)n), screen.Lines.Select(l => l.Number));
        AssertStrictlyIncreasing(events.Select(e => e.Sequence));
        Assert.IsType<SupervisorSnapshot>(events[0]);
        Assert.Single(events.OfType<SupervisorSnapshot>());
        Assert.Single(events.OfType<WorkerSpawned>());
    }

    [Fact]
    public async Task ScreenBatches_FloodPastTheKeptLinesWhileAttaching_TheScrollbackIsTheLastLinesOnceInOrder()
    {
        int kept = new HistoryLimits().LinesPerWorker;
        int total = kept * 2;
        await using LiveSession session = await LiveSession.StartAsync();
        (_, int pid) = await session.SpawnAsync();
        OutputProducer.Emit(session.Os, pid, 1, 50);
        RemoteSupervisor remote = (await session.ConnectAsync()).Supervisor;
        EventRecorder screen = new();

        using IDisposable subscription = remote.ScreenBatches(ScreenPacing.Default, ImmediateScheduler.Instance).Subscribe(screen);
        await OutputProducer.EmitYieldingAsync(session.Os, pid, 51, total);
        await Poll.UntilAsync(() => screen.Lines.Count > 0 && screen.Lines[^1].Text == OutputProducer.Texts(total).Last(), $"line {total} on the screen");

        // The history keeps a worker's last lines as the screen's scrollback does: lines older than that may be
        // missing from what an attaching screen gets, but what it would show is complete, once each, in order.
        IReadOnlyList<OutputLine> lines = screen.Lines;
        Assert.Equal(OutputProducer.Texts(total).TakeLast(kept), lines.TakeLast(kept).Select(l => l.Text));
        AssertStrictlyIncreasing(screen.Events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task ScreenBatches_WorkerEndedBeforeAttach_ItsLifeIsInTheHistory()
    {
        await using LiveSession session = await LiveSession.StartAsync();
        (WorkerId worker, int pid) = await session.SpawnAsync();
        OutputProducer.Emit(session.Os, pid, 1, 3);
        session.Os.Exit(pid, WorkerExit.Exited(0));
        RemoteSupervisor remote = (await session.ConnectAsync()).Supervisor;
        EventRecorder screen = new();

        using IDisposable subscription = remote.ScreenBatches(ScreenPacing.Default, ImmediateScheduler.Instance).Subscribe(screen);
        await Poll.UntilAsync(() => screen.Events.OfType<WorkerEnded>().Any(), "the worker's end");

        Assert.Equal(
            [typeof(WorkerSpawned), typeof(OutputLine), typeof(OutputLine), typeof(OutputLine), typeof(WorkerEnded)],
            screen.Events.OfType<WorkerEvent>().Where(e => e is WorkerSpawned or OutputLine or WorkerEnded).Select(e => e.GetType()));
        Assert.Equal(WorkerExit.Exited(0), screen.Events.OfType<WorkerEnded>().Single(e => e.Worker == worker).Exit);
    }

    internal static void AssertStrictlyIncreasing(IEnumerable<long> sequences)
    {
        long last = -1;
        foreach (long sequence in sequences)
        {
            Assert.True(sequence > last, $"sequence {sequence} after {last}");
            last = sequence;
        }
    }
}
