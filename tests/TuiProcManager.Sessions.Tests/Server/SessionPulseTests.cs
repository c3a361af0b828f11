using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Sessions.Server;
using TuiProcManager.Testing;

namespace TuiProcManager.Sessions.Tests.Server;

/// <summary>
/// What a session tells a teacher's class view every second: the last event worth a row in a few words,
/// and when; a line only as activity; the CPU of the live workers by their last samples.
/// </summary>
public sealed class SessionPulseTests
{
    private readonly EventBuilder _events = new();
    private readonly SessionPulse _pulse = new();

    [Fact]
    public void Last_TheLastEventWorthARow_StepsAndSamplesAndLinesAreNot()
    {
        Assert.Equal(("", (DateTimeOffset?)null), _pulse.Last);

        _pulse.OnEvent(_events.Spawned(1, WorkerSpec.Command(["sleep", "5"])));
        DateTimeOffset paused = _events.Now = EventBuilder.T0.AddSeconds(3);
        _pulse.OnEvent(_events.State(1, WorkerState.Running, WorkerState.Paused));
        _events.Now = EventBuilder.T0.AddSeconds(9);
        _pulse.OnEvent(_events.State(1, WorkerState.Paused, WorkerState.Waiting));
        _pulse.OnEvent(_events.State(1, WorkerState.Waiting, WorkerState.Running)); // a step: not news
        _pulse.OnEvent(_events.Sample(1, 50));
        _pulse.OnLines([_events.Line(1, "x")]);

        Assert.Equal(("worker 1 resumed", (DateTimeOffset?)EventBuilder.T0.AddSeconds(9)), _pulse.Last);
        Assert.Equal(EventBuilder.T0.AddSeconds(9), _pulse.LastOutputAt);
        Assert.NotEqual(paused, _pulse.Last.At);

        _pulse.OnEvent(_events.Signal(1, ProcessSignal.Stop, "p"));
        Assert.Equal("SIGSTOP to worker 1", _pulse.Last.Text);
        _pulse.OnEvent(_events.Signal(1, ProcessSignal.Continue, "pause-on-wait", SignalCause.Scheduler));
        Assert.Equal("SIGSTOP to worker 1", _pulse.Last.Text); // the scheduler's signals are its steps, not news
    }

    [Fact]
    public void CpuPercent_TheLiveWorkersLastSamples_WithTheirDescendants_AnEndedOneNoMore()
    {
        _pulse.OnEvent(_events.Sample(1, 40));
        _pulse.OnEvent(_events.Sample(2, 90, descendants: EventBuilder.Child(500, 400, 60)));
        _pulse.OnEvent(_events.Sample(1, 10));
        Assert.Equal(160, _pulse.CpuPercent, 6);

        _pulse.OnEvent(_events.Ended(2));

        Assert.Equal(10, _pulse.CpuPercent, 6);
        Assert.Equal("worker 2 ended (exit 0)", _pulse.Last.Text);
    }
}
