using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Models;

public sealed class SchedulingModelTests
{
    private readonly EventBuilder _e = new();
    private readonly SchedulingModel _model = new();

    [Fact]
    public void Describe_ByDefault_IsParallel()
    {
        Assert.Equal("parallel", _model.Describe());
    }

    [Fact]
    public void Fold_SwitchedOnThenDecisions_CountsHoldersAndQueue_FromTheLatestDecision()
    {
        // Switching on, the supervisor publishes the decisions first and the mode change last.
        Assert.True(_model.Apply(_e.Scheduled(1, SlotChange.Granted, slotsInUse: 1, queued: 0)));
        _model.Apply(_e.Scheduled(2, SlotChange.Queued, slotsInUse: 1, queued: 1));
        _model.Apply(_e.Scheduled(3, SlotChange.Queued, slotsInUse: 1, queued: 2));
        _model.Apply(_e.Mode(SchedulingMode.PauseOnWait, 1));

        Assert.Equal("pause-on-wait, 1 slot · 1 running · 2 queued", _model.Describe());

        _model.Apply(_e.Scheduled(1, SlotChange.Released, slotsInUse: 0, queued: 2));
        _model.Apply(_e.Scheduled(2, SlotChange.Granted, slotsInUse: 1, queued: 1));
        Assert.Equal("pause-on-wait, 1 slot · 1 running · 1 queued", _model.Describe());
    }

    [Fact]
    public void Describe_NothingHeldNorQueued_IsTheModeAndSlotsOnly()
    {
        _model.Apply(_e.Mode(SchedulingMode.PauseOnWait, 3));

        Assert.Equal("pause-on-wait, 3 slots", _model.Describe());
        Assert.Equal((SchedulingMode.PauseOnWait, 3), (_model.Mode, _model.Slots));
    }

    [Fact]
    public void Fold_BackToParallel_KeepsTheSlotsForTheNextSwitch_AndForgetsTheCounts()
    {
        _model.Apply(_e.Scheduled(1, SlotChange.Granted, 2, 1));
        _model.Apply(_e.Mode(SchedulingMode.PauseOnWait, 2));
        _model.Apply(_e.Mode(SchedulingMode.Parallel, 2));

        Assert.Equal("parallel", _model.Describe());
        Assert.Equal((2, 0, 0), (_model.Slots, _model.Running, _model.Queued));
    }

    [Fact]
    public void Fold_Snapshot_TakesTheModeAndCountsTheQueued_AndTheGovernedOnACpu()
    {
        _model.Apply(_e.Snapshot(
            SchedulingMode.PauseOnWait,
            1,
            _e.Info(1, WorkerState.Running),
            _e.Info(2, WorkerState.Paused, queued: true),
            _e.Info(3, WorkerState.Paused, pausedByUser: true),
            _e.Info(4, WorkerState.Waiting)));

        Assert.Equal("pause-on-wait, 1 slot · 1 running · 1 queued", _model.Describe());
    }

    [Fact]
    public void Apply_OtherEvents_ChangeNothing()
    {
        Assert.False(_model.Apply(_e.Spawned(1)));
        Assert.False(_model.Apply(_e.Line(1, "Square: 100")));
    }
}
