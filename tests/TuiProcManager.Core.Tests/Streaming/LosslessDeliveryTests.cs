using Microsoft.Reactive.Testing;
using NSubstitute;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Tests.TestSupport;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Streaming;

/// <summary>
/// Lossless subscribers (<see cref="Supervision.ISupervisor.LosslessEvents"/>) on virtual time: the consumer's
/// delivery scheduler only runs when the test says, so "behind" is exact.
/// </summary>
public sealed class LosslessDeliveryTests
{
    // 8 lines of one worker, 20 in all, before a hold.
    private static readonly BacklogLimits Small = new(8, 10_000, 20, 100_000, 3);

    private sealed class Consumer
    {
        public List<SupervisorEvent> Seen { get; } = [];

        public IEnumerable<OutputLine> Lines(int worker) => Seen.OfType<OutputLine>().Where(l => l.Worker.Value == worker);
    }

    private static (SupervisorHarness H, TestScheduler Delivery, Consumer C, IDisposable Subscription) Start(string consumer = "stdout")
    {
        SupervisorHarness h = new(o => o.LosslessBacklog = Small);
        TestScheduler delivery = new();
        Consumer c = new();
        IDisposable subscription = h.Supervisor.LosslessEvents(consumer, delivery).Subscribe(c.Seen.Add);
        return (h, delivery, c, subscription);
    }

    private static void Write(SupervisorHarness h, int pid, int from, int count) =>
        h.Os.EventsOf(pid).OnOutput(OutputChannel.Stdout, [.. Enumerable.Range(from, count).Select(i => $"line {i}")]);

    [Fact]
    public void Flood_IntoAConsumerThatIsBehind_NothingIsDropped_TheWorkerIsHeldOnce_ThenLetGo()
    {
        (SupervisorHarness h, TestScheduler delivery, Consumer c, IDisposable sub) = Start();
        using (h)
        using (sub)
        {
            h.Supervisor.Spawn(WorkerSpec.Command(["seq", "1", "100"]));
            IProcessHandle handle = h.Os.HandleOf(100);
            for (int i = 1; i <= 100; i += 10)
            {
                Write(h, 100, i, 10);
            }

            handle.Received(1).HoldOutput(true);
            handle.DidNotReceive().HoldOutput(false);

            delivery.Start();

            handle.Received(1).HoldOutput(false);
            Assert.Equal(Enumerable.Range(1, 100).Select(i => $"line {i}"), c.Lines(1).Select(l => l.Text));
            Assert.Empty(c.Seen.OfType<EventsDropped>());
            Assert.IsType<SupervisorSnapshot>(c.Seen[0]);
        }
    }

    [Fact]
    public void LossySubscriberOnly_Flood_NeverHoldsAWorker()
    {
        // The screen may skip lines; it must never slow a worker.
        using SupervisorHarness h = new(o =>
        {
            o.LosslessBacklog = Small;
            o.SubscriberQueueCapacity = 16;
        });
        TestScheduler delivery = new();
        h.Supervisor.Spawn(WorkerSpec.Command(["yes"]));
        for (int i = 0; i < 1000; i += 100)
        {
            Write(h, 100, i, 100);
        }

        h.Os.HandleOf(100).DidNotReceive().HoldOutput(Arg.Any<bool>());
    }

    [Fact]
    public void OneFloodingWorker_DoesNotHoldAQuietOne_AndEveryLineOfBothArrivesInOrder()
    {
        (SupervisorHarness h, TestScheduler delivery, Consumer c, IDisposable sub) = Start();
        using (h)
        using (sub)
        {
            h.Supervisor.Spawn(WorkerSpec.Command(["yes"]));
            h.Supervisor.Spawn(WorkerSpec.Command(["date"]));
            for (int round = 0; round < 30; round++)
            {
                Write(h, 100, round * 50, 50);
                if (round % 10 == 0)
                {
                    Write(h, 101, round, 1);
                }

                delivery.AdvanceBy(1); // a little delivery now and then: the consumer stays behind
            }

            h.Os.HandleOf(100).Received().HoldOutput(true);
            h.Os.HandleOf(101).DidNotReceive().HoldOutput(Arg.Any<bool>());

            delivery.Start();
            Assert.Equal(Enumerable.Range(0, 1500).Select(i => $"line {i}"), c.Lines(1).Select(l => l.Text));
            Assert.Equal(["line 0", "line 10", "line 20"], c.Lines(2).Select(l => l.Text));
        }
    }

    [Fact]
    public void TwoLosslessConsumers_TheWorkerIsLetGoOnlyWhenBothCaughtUp()
    {
        (SupervisorHarness h, TestScheduler first, Consumer c, IDisposable sub) = Start("stdout");
        using (h)
        using (sub)
        {
            TestScheduler second = new();
            Consumer d = new();
            using IDisposable other = h.Supervisor.LosslessEvents("the events file", second).Subscribe(d.Seen.Add);
            h.Supervisor.Spawn(WorkerSpec.Command(["yes"]));
            Write(h, 100, 0, 30);
            IProcessHandle handle = h.Os.HandleOf(100);
            handle.Received(1).HoldOutput(true);

            first.Start();
            handle.DidNotReceive().HoldOutput(false);

            second.Start();
            handle.Received(1).HoldOutput(false);
            Assert.Equal(30, c.Lines(1).Count());
            Assert.Equal(30, d.Lines(1).Count());
        }
    }

    [Fact]
    public void Dispose_OfAConsumerThatHoldsAWorker_LetsItGo()
    {
        (SupervisorHarness h, TestScheduler delivery, Consumer c, IDisposable sub) = Start();
        using (h)
        {
            h.Supervisor.Spawn(WorkerSpec.Command(["yes"]));
            Write(h, 100, 0, 30);
            h.Os.HandleOf(100).Received(1).HoldOutput(true);

            sub.Dispose();

            h.Os.HandleOf(100).Received(1).HoldOutput(false);
        }
    }

    [Fact]
    public void HoldReportedByTheReader_IsPublishedOnlyOnceItLasts_AndItsEndAfterIt()
    {
        (SupervisorHarness h, TestScheduler delivery, Consumer c, IDisposable sub) = Start();
        using (h)
        using (sub)
        {
            WorkerId id = h.Supervisor.Spawn(WorkerSpec.Command(["yes"]));
            IProcessEvents reader = h.Os.EventsOf(100);
            Write(h, 100, 0, 30); // held by "stdout"

            // A short hold (under the 100 ms notice delay) is not worth an event.
            reader.OnOutputHeld(true);
            h.Advance(TimeSpan.FromMilliseconds(60));
            reader.OnOutputHeld(false);
            h.Advance(TimeSpan.FromMilliseconds(200));
            Assert.Empty(h.Of<WorkerOutputHeld>());

            reader.OnOutputHeld(true);
            h.Advance(TimeSpan.FromMilliseconds(100));
            WorkerOutputHeld held = Assert.Single(h.Of<WorkerOutputHeld>());
            Assert.True(held.Held);
            Assert.Equal("stdout", held.By);
            Assert.True(h.Supervisor.Snapshot()[0].OutputHeld);

            reader.OnOutputHeld(false);
            Assert.Equal([true, false], h.Of<WorkerOutputHeld>().Select(e => e.Held));
            Assert.False(h.Supervisor.Snapshot()[0].OutputHeld);
            Assert.All(h.Of<WorkerOutputHeld>(), e => Assert.Equal(id, e.Worker));
        }
    }

    [Fact]
    public void WorkerEndsWhileItsHoldIsShown_TheHoldEndsBeforeItsEnd()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Command(["yes"]));
        h.Os.EventsOf(100).OnOutputHeld(true);
        h.Advance(TimeSpan.FromMilliseconds(150));

        h.Os.Exit(100, WorkerExit.Signaled(9, "SIGKILL"));

        string[] tail = [.. h.Events.SkipWhile(e => e is not WorkerOutputHeld).Select(e => e.GetType().Name)];
        Assert.Equal(["WorkerOutputHeld", "WorkerOutputHeld", "WorkerStateChanged", "WorkerEnded"], tail);
    }

    [Fact]
    public void ConsumerStalledForLong_LosesSamplesPastItsCapacity_NeverOutput_AndIsToldWhere()
    {
        using SupervisorHarness h = new(o =>
        {
            o.LosslessQueueCapacity = 1024;
            o.LosslessBacklog = BacklogLimits.Default;
        });
        TestScheduler delivery = new();
        List<SupervisorEvent> seen = [];
        using IDisposable sub = h.Supervisor.LosslessEvents("stdout", delivery).Subscribe(seen.Add);
        h.Supervisor.Spawn(WorkerSpec.Command(["sleep", "3600"]));
        h.Os.Set(100, OsProcessState.Sleeping);
        h.Advance(TimeSpan.FromSeconds(1200)); // a sample of it and one of the machine a second, never read
        Write(h, 100, 0, 5);

        delivery.Start();

        EventsDropped[] dropped = [.. seen.OfType<EventsDropped>()];
        Assert.Equal([1, 0], dropped.Select(d => d.Worker?.Value ?? 0)); // its samples, and the machine's
        Assert.All(dropped, d => Assert.Equal(0, d.OutputLines));
        Assert.True(dropped.Sum(d => d.Count) > 1000, $"{dropped.Sum(d => d.Count)} dropped");
        Assert.Equal(5, seen.OfType<OutputLine>().Count());
        Assert.Single(seen.OfType<WorkerSpawned>());
    }
}
