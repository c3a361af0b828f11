using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Models;

public sealed class RunSummaryModelTests
{
    private readonly EventBuilder _e = new();
    private readonly RunSummaryModel _model = new(cores: 2);

    private void At(double seconds) => _e.Now = EventBuilder.T0.AddSeconds(seconds);

    [Fact]
    public void Apply_FirstSpawnStartsARun_LastEndEndsIt_WithTheSummaryOfIt()
    {
        At(0);
        Assert.Equal(RunChange.None, _model.Apply(_e.Mode(SchedulingMode.PauseOnWait, 1)));
        Assert.Null(_model.Current());
        Assert.Equal(RunChange.Started, _model.Apply(_e.Spawned(1)));
        Assert.Equal(RunChange.None, _model.Apply(_e.Spawned(2)));
        _model.Apply(_e.Scheduled(2, SlotChange.Queued, 1, 1));
        _model.Apply(_e.State(1, WorkerState.Starting, WorkerState.Running));
        _model.Apply(_e.State(2, WorkerState.Starting, WorkerState.Paused));
        At(1);
        _model.Apply(_e.Scheduled(2, SlotChange.Granted, 1, 0));
        _model.Apply(_e.State(2, WorkerState.Paused, WorkerState.Running));
        Assert.Equal(RunChange.None, _model.Apply(_e.State(1, WorkerState.Running, WorkerState.Ended)));
        Assert.True(_model.RunGoing);
        Assert.Equal(TimeSpan.FromSeconds(1), _model.Current()!.Makespan); // so far

        At(2);
        Assert.Equal(RunChange.Ended, _model.Apply(_e.State(2, WorkerState.Running, WorkerState.Ended)));

        RunSummary summary = Assert.IsType<RunSummary>(_model.Last);
        Assert.False(_model.RunGoing);
        Assert.Same(summary, _model.Current());
        Assert.Equal((TimeSpan.FromSeconds(2), SchedulingMode.PauseOnWait, 2), (summary.Makespan, summary.Mode, summary.Cores));
        Assert.Equal(TimeSpan.FromSeconds(1), summary.Workers[1].Queued);
        Assert.Contains("makespan 2.00 s", summary.ToLines().First(), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ASpawnAfterTheEnd_StartsANewRun_KeepingTheLastSummary()
    {
        _model.Apply(_e.Spawned(1));
        _model.Apply(_e.State(1, WorkerState.Starting, WorkerState.Ended));
        RunSummary? first = _model.Last;

        Assert.Equal(RunChange.Started, _model.Apply(_e.Spawned(2)));
        Assert.Same(first, _model.Last);
        Assert.NotSame(first, _model.Current());
    }

    [Fact]
    public void Apply_ASnapshotWithWorkersAlive_StartsARun_AnEmptyOneDoesNot()
    {
        Assert.Equal(RunChange.None, _model.Apply(_e.Snapshot(SchedulingMode.Parallel, 1)));
        Assert.Equal(RunChange.Started, _model.Apply(_e.Snapshot(SchedulingMode.Parallel, 1, _e.Info(1, WorkerState.Running))));
    }
}
