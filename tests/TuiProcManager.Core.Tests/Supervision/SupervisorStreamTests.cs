using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using NSubstitute;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Tests.TestSupport;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Supervision;

public sealed class SupervisorStreamTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Events_OneWorkersLife_ArriveInOrder()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("10"));
        h.Os.Set(100, OsProcessState.Running);
        h.Advance(TimeSpan.FromMilliseconds(50));
        h.Os.EventsOf(100).OnOutput(OutputChannel.Stdout, ["Square: 100"]);
        Task<WorkerExit?> join = h.Supervisor.JoinAsync(id);
        h.Os.Exit(100, WorkerExit.Exited(0));
        await join.WaitAsync(Bound);

        Assert.Equal(
            ["WorkerSpawned", "WorkerStateChanged", "OutputLine", "JoinStarted", "WorkerStateChanged", "WorkerEnded", "WorkerJoined"],
            h.Events.Select(e => e.GetType().Name));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), h.Events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task EventsWithSnapshot_LateSubscriberWhileOutputFlows_GetsSnapshotThenEveryLaterEventWithoutGap()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("10"));
        using CancellationTokenSource stop = new();
        Task producer = Task.Run(() =>
        {
            for (int i = 0; !stop.IsCancellationRequested; i++)
            {
                h.Os.EventsOf(100).OnOutput(OutputChannel.Stdout, [$"line {i}"]);
            }
        });
        await Eventually.UntilAsync(() => h.Supervisor.Snapshot()[0].OutputLines >= 1000, "1,000 lines before the subscription");

        List<SupervisorEvent> seen = [];
        using (h.Supervisor.EventsWithSnapshot.Subscribe(e =>
               {
                   lock (seen)
                   {
                       seen.Add(e);
                   }
               }))
        {
            await Eventually.UntilAsync(
                () =>
                {
                    lock (seen)
                    {
                        return seen.Count >= 5000;
                    }
                },
                "5,000 events to the late subscriber");

            await stop.CancelAsync();
            await producer.WaitAsync(Bound);
        }

        SupervisorSnapshot snapshot = Assert.IsType<SupervisorSnapshot>(seen[0]);
        long linesInSnapshot = snapshot.Workers[0].OutputLines;
        OutputLine first = Assert.IsType<OutputLine>(seen[1]);
        Assert.Equal(snapshot.Sequence + 1, first.Sequence);
        Assert.Equal(linesInSnapshot + 1, first.Number);
        long[] sequences = [.. seen.Skip(1).Select(e => e.Sequence)];
        Assert.Equal(Enumerable.Range(0, sequences.Length).Select(i => first.Sequence + i), sequences);
    }

    [Fact]
    public void SlowSubscriber_Flood_PublisherNeverWaits_OldestOutputDroppedAndCountedWhereTheGapIs_TailKept()
    {
        // A subscriber whose scheduler never runs holds everything queued: the worker's output must
        // still be taken in full (the publisher returns at once), memory must stay bounded, what was
        // dropped must be reported with its count where the gap is, and what is kept is the tail (the
        // newest lines, which a screen shows).
        TestScheduler stalled = new();
        using SupervisorHarness h = new(o => o.SubscriberQueueCapacity = 1000, delivery: stalled);
        ITestableObserver<SupervisorEvent> slow = stalled.CreateObserver<SupervisorEvent>();
        using IDisposable subscription = h.Supervisor.Events.Subscribe(slow);
        h.Supervisor.Spawn(WorkerSpec.Square("10"));
        string[] batch = [.. Enumerable.Range(0, 1000).Select(i => $"line {i}")];

        for (int i = 0; i < 100; i++)
        {
            h.Os.EventsOf(100).OnOutput(OutputChannel.Stdout, batch);
        }

        h.Os.Exit(100, WorkerExit.Exited(0));
        stalled.AdvanceBy(1);

        SupervisorEvent[] got = [.. slow.Messages.Select(m => m.Value.Value)];
        Assert.Equal(100_000, h.Supervisor.Snapshot()[0].OutputLines); // the supervisor saw every line
        Assert.InRange(got.Length, 10, 1000);
        Assert.IsType<WorkerSpawned>(got[0]); // lifecycle events are never dropped
        Assert.IsType<WorkerEnded>(got[^1]);
        EventsDropped dropped = Assert.IsType<EventsDropped>(got[1]); // the gap: the oldest lines, right after the spawn
        OutputLine[] lines = [.. got.OfType<OutputLine>()];
        Assert.Equal(100_000 - lines.Length, dropped.OutputLines);
        Assert.Equal(new WorkerId(1), dropped.Worker);
        Assert.Equal(Enumerable.Range(100_001 - lines.Length, lines.Length).Select(n => (long)n), lines.Select(l => l.Number)); // the tail, whole
        Assert.Equal("line 999", lines[^1].Text);
    }

    [Fact]
    public void SlowSubscriber_DoesNotAffectOtherSubscribers()
    {
        TestScheduler stalled = new();
        using SupervisorHarness h = new(o => o.SubscriberQueueCapacity = 100);
        using IDisposable slow = h.Supervisor.Events.ObserveOn(stalled).Subscribe(_ => { });
        h.Supervisor.Spawn(WorkerSpec.Square("10"));

        h.Os.EventsOf(100).OnOutput(OutputChannel.Stdout, [.. Enumerable.Range(0, 5000).Select(i => $"{i}")]);

        Assert.Equal(5000, h.Of<OutputLine>().Count());
        Assert.Empty(h.Of<EventsDropped>());
    }

    [Fact]
    public void Dispose_CompletesEveryStreamAfterItsQueuedEvents()
    {
        using SupervisorHarness h = new();
        bool completed = false;
        using IDisposable s = h.Supervisor.Events.Subscribe(_ => { }, () => completed = true);
        h.Supervisor.Spawn(WorkerSpec.Square("10"));

        h.Supervisor.Dispose();

        Assert.True(completed);
        h.Os.HandleOf(100).Received(1).SignalGroup(ProcessSignal.Kill);
    }

    [Fact]
    public void EventsWithSnapshot_AfterDispose_SnapshotThenCompleted()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("10"));
        h.Supervisor.Dispose();

        List<SupervisorEvent> seen = [];
        bool completed = false;
        using IDisposable s = h.Supervisor.EventsWithSnapshot.Subscribe(seen.Add, () => completed = true);

        Assert.Single(Assert.IsType<SupervisorSnapshot>(Assert.Single(seen)).Workers);
        Assert.True(completed);
    }
}
