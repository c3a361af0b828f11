using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Models;

public sealed class ProcessTableModelTests
{
    private readonly Events _e = new();
    private readonly ProcessTableModel _model = new();

    private void Apply(params SupervisorEvent[] events)
    {
        foreach (SupervisorEvent e in events)
        {
            _model.Apply(e);
        }
    }

    [Fact]
    public void Fold_SpawnStatesSampleEnd_RowFollowsTheWorker()
    {
        Apply(_e.Spawned(1), _e.State(1, WorkerState.Starting, WorkerState.Running), _e.Sample(1, 97.5, 2_500_000));

        WorkerRow row = Assert.Single(_model.Workers);
        Assert.Equal((WorkerState.Running, 97.5, 2_500_000L, 1001), (row.State, row.CpuPercent, row.ResidentBytes, row.Pid!.Value));

        Apply(_e.Ended(1, WorkerExit.Signaled(15, "SIGTERM")));
        Assert.Equal(WorkerState.Ended, row.State);
        Assert.Equal(-15, row.Exit!.PythonExitCode);
    }

    [Fact]
    public void Descendants_AreListedBeneathTheirWorker_IndentedByGeneration()
    {
        Apply(
            _e.Spawned(1, WorkerSpec.Command(["python3", "lesson.py"])),
            _e.Spawned(2),
            _e.Sample(1, 0, 1, Events.Child(2001, 1001, 99), Events.Child(2002, 1001, 98), Events.Child(3001, 2002, 5, "sh")));

        Assert.Equal(
            [(1, 0, null), (1, 1, 2001), (1, 1, 2002), (1, 2, 3001), (2, 0, null)],
            _model.Lines.Select(l => (l.Worker.Id.Value, l.Depth, l.Descendant?.Pid)));
        Assert.Equal(202, _model.Find(new WorkerId(1))!.TotalCpuPercent, precision: 6);
    }

    [Fact]
    public void DescendantState_UpdatesBetweenSamples_AndAnEndRemovesIt()
    {
        Apply(_e.Spawned(1), _e.Descendant(1, 2001, 1001, null, WorkerState.Running));
        Assert.Equal(WorkerState.Running, Assert.Single(_model.Find(new WorkerId(1))!.Descendants).State);

        Apply(_e.Descendant(1, 2001, 1001, WorkerState.Running, WorkerState.Waiting));
        Assert.Equal(WorkerState.Waiting, Assert.Single(_model.Find(new WorkerId(1))!.Descendants).State);

        Apply(_e.Descendant(1, 2001, 1001, WorkerState.Waiting, WorkerState.Ended));
        Assert.Empty(_model.Find(new WorkerId(1))!.Descendants);
    }

    [Fact]
    public void Joins_ArePendingUntilJoined()
    {
        Apply(_e.Spawned(1), _e.JoinStarted(1));
        Assert.Equal(1, _model.Find(new WorkerId(1))!.PendingJoins);

        Apply(_e.Joined(1, JoinOutcome.TimedOut));
        Assert.Equal((0, false), (_model.Find(new WorkerId(1))!.PendingJoins, _model.Find(new WorkerId(1))!.Joined));

        Apply(_e.JoinStarted(1), _e.Joined(1));
        Assert.True(_model.Find(new WorkerId(1))!.Joined);
    }

    [Fact]
    public void Snapshot_ReplacesEverything()
    {
        Apply(_e.Spawned(9));
        Apply(new SupervisorSnapshot(5, Events.T0, [
            new WorkerInfo(new WorkerId(1), WorkerSpec.Cube("3"), 77, WorkerState.Paused, null, Events.T0, null, false, 4, null, []),
        ]));

        WorkerRow row = Assert.Single(_model.Workers);
        Assert.Equal((1, WorkerState.Paused, 77), (row.Id.Value, row.State, row.Pid!.Value));
    }

    [Fact]
    public void EventsOfAnUnknownWorker_AreIgnored()
    {
        Assert.False(_model.Apply(_e.State(4, WorkerState.Starting, WorkerState.Running)));
    }

    [Fact]
    public void CountByState_CountsEachWorkerOnce()
    {
        Apply(_e.Spawned(1), _e.Spawned(2), _e.Spawned(3), _e.State(1, WorkerState.Starting, WorkerState.Running), _e.Ended(3));

        IReadOnlyDictionary<WorkerState, int> counts = _model.CountByState();
        Assert.Equal((1, 1, 1), (counts[WorkerState.Running], counts[WorkerState.Starting], counts[WorkerState.Ended]));
    }
}
