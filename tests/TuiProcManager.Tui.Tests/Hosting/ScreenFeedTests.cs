using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Microsoft.Reactive.Testing;
using NSubstitute;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Hosting;

/// <summary>
/// The screen's subscription: the supervisor's paced batches applied on the UI thread, and a failed stream
/// said, not swallowed. The pacing and the bound themselves are the supervisor's (Core's ScreenBatchesTests).
/// </summary>
public sealed class ScreenFeedTests
{
    [Fact]
    public void SupervisorsStreamFails_TheHeaderSaysTheSupervisorFailed_WithItsMessage_AndTheExceptionIsKept()
    {
        // Pins: the UI's inbox swallowed OnError, so a supervisor that broke left the panels frozen without a word.
        using Screen screen = new(width: 200);
        ISupervisor supervisor = Substitute.For<ISupervisor>();
        using Subject<IList<SupervisorEvent>> stream = new();
        supervisor.ScreenBatches(Arg.Any<ScreenPacing>(), Arg.Any<IScheduler>()).Returns(stream);
        using ScreenFeed feed = new(supervisor, ScreenPacing.Default, ImmediateScheduler.Instance, screen.Main.Apply, screen.Main.SayProblem);
        InvalidOperationException broke = new("event 41 published after 42");

        stream.OnError(broke);
        screen.App.LayoutAndDraw();

        Assert.Same(broke, feed.Failure);
        Assert.Equal(ScreenFeed.Describe(broke), screen.Main.HeaderMessage);
        Assert.Contains("the supervisor failed (InvalidOperationException: event 41 published after 42)", screen.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void SupervisorsBatches_AppliedOnTheUiThread_WhenItRuns_SnapshotFirst()
    {
        TestScheduler deliveryThreads = new(); // the supervisor's: the window's timer
        TestScheduler ui = new();
        using SupervisorHarness h = new(delivery: deliveryThreads);
        List<IList<SupervisorEvent>> applied = [];
        List<string> problems = [];
        using ScreenFeed feed = new(h.Supervisor, new ScreenPacing(TimeSpan.FromMilliseconds(33), 5_000), ui, applied.Add, problems.Add);
        h.Supervisor.Spawn(WorkerSpec.Square("10"));

        deliveryThreads.AdvanceBy(TimeSpan.FromMilliseconds(40).Ticks);
        Assert.Empty(applied); // the window closed; the batch waits for the UI thread
        ui.AdvanceBy(1);

        IList<SupervisorEvent> batch = Assert.Single(applied);
        Assert.IsType<SupervisorSnapshot>(batch[0]);
        Assert.IsType<WorkerSpawned>(batch[1]);
        Assert.Empty(problems);
        Assert.Null(feed.Failure);
    }
}
