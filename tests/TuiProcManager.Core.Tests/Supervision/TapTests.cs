using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Supervision;

/// <summary>Supervisor.Tap: a snapshot, then every event at once on the publishing thread, a read's lines as one span; OnCompleted at the end.</summary>
public sealed class TapTests
{
    [Fact]
    public void EveryEvent_ArrivesAtOnce_InOrder_AReadsLinesAsOneSpan_AfterTheSnapshot()
    {
        using SupervisorHarness h = new();
        Recording tap = new();
        using IDisposable tapped = h.Supervisor.Tap(tap);
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Command(["seq", "1", "300"]));

        h.Os.EventsOf(100).OnOutput(OutputChannel.Stdout, [.. Enumerable.Range(1, 300).Select(i => $"line {i}")]);
        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"line {i}"), tap.Events.OfType<OutputLine>().Select(l => l.Text)); // no delivery to wait for

        h.Os.EventsOf(100).OnExited(WorkerExit.Exited(0));

        Assert.IsType<SupervisorSnapshot>(tap.Events[0]);
        Assert.Equal(id, tap.Events.OfType<WorkerSpawned>().Single().Worker);
        Assert.Equal(tap.Events.Select(e => e.Sequence).Order(), tap.Events.Select(e => e.Sequence));
        Assert.Equal([256, 44], tap.Reads); // the publisher's batches of a read, never one call per line
        Assert.Equal(
            h.Events.Where(e => e is not SupervisorSnapshot).Select(e => e.Sequence),
            tap.Events.Skip(1).Select(e => e.Sequence)); // the same stream as a queued subscriber's
    }

    [Fact]
    public void Disposed_TheTapHearsNothingMore_AndTheSupervisorStoppingCompletesIt()
    {
        using SupervisorHarness h = new();
        Recording gone = new(), staying = new();
        IDisposable goneTap = h.Supervisor.Tap(gone);
        using IDisposable stayingTap = h.Supervisor.Tap(staying);
        _ = h.Supervisor.Spawn(WorkerSpec.Command(["true"]));
        int heard = gone.Events.Count;

        goneTap.Dispose();
        h.Os.EventsOf(100).OnOutput(OutputChannel.Stdout, ["late"]);
        h.Supervisor.Dispose();

        Assert.Equal(heard, gone.Events.Count);
        Assert.False(gone.Completed);
        Assert.Contains(staying.Events, e => e is OutputLine { Text: "late" });
        Assert.True(staying.Completed);
    }

    [Fact]
    public void TappedAfterTheEnd_IsCompletedAtOnce()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Dispose();
        Recording late = new();

        using IDisposable tapped = h.Supervisor.Tap(late);

        Assert.True(late.Completed);
        Assert.Empty(late.Events);
    }

    private sealed class Recording : IEventTap
    {
        public List<SupervisorEvent> Events { get; } = [];

        public List<int> Reads { get; } = [];

        public bool Completed { get; private set; }

        public void OnEvent(SupervisorEvent e) => Events.Add(e);

        public void OnLines(ReadOnlySpan<OutputLine> lines)
        {
            Reads.Add(lines.Length);
            foreach (OutputLine line in lines)
            {
                Events.Add(line);
            }
        }

        public void OnCompleted() => Completed = true;
    }
}
