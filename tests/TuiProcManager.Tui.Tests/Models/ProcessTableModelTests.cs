using TuiProcManager.Core.Events;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Models;

public sealed class ProcessTableModelTests
{
    private readonly EventBuilder _e = new();
    private readonly ProcessTableModel _model = new();

    private void Apply(params SupervisorEvent[] events)
    {
        foreach (SupervisorEvent e in events)
        {
            _model.Apply(e);
        }
    }

    [Fact]
    public void Sample_ThatChangesNothingShown_IsNoChange_OneThatDoesIs()
    {
        Apply(_e.Spawned(1), _e.SampleWithTime(1, 0, TimeSpan.FromMilliseconds(30)));

        Assert.False(_model.Apply(_e.SampleWithTime(1, 0, TimeSpan.FromMilliseconds(30)))); // asleep: a second later, the same
        Assert.True(_model.Apply(_e.SampleWithTime(1, 0, TimeSpan.FromMilliseconds(40)))); // it ran a little
        Assert.True(_model.Apply(_e.SampleWithTime(1, 2.5, TimeSpan.FromMilliseconds(40))));
        Assert.True(_model.Apply(_e.Sample(1, 2.5, 8_000_000))); // memory (and a CPU time of 0)
        Assert.True(_model.Apply(_e.Sample(1, 2.5, 8_000_000, EventBuilder.Child(2, 1001, 0)))); // a child
        Assert.False(_model.Apply(_e.Sample(1, 2.5, 8_000_000, EventBuilder.Child(2, 1001, 0))));
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
            _e.Sample(1, 0, 1, EventBuilder.Child(2001, 1001, 99), EventBuilder.Child(2002, 1001, 98), EventBuilder.Child(3001, 2002, 5, "sh")));

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
        Apply(new SupervisorSnapshot(5, EventBuilder.T0, [
            new WorkerInfo(new WorkerId(1), WorkerSpec.Cube("3"), 77, WorkerState.Paused, null, EventBuilder.T0, null, false, 4, null, []),
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

        IReadOnlyDictionary<ShownState, int> counts = _model.CountByState();
        Assert.Equal((1, 1, 1), (counts[new(WorkerState.Running)], counts[new(WorkerState.Starting)], counts[new(WorkerState.Ended)]));
    }

    [Fact]
    public void Queued_IsAStopByTheScheduler_PausedOneByTheUser()
    {
        Apply(_e.Spawned(1), _e.Spawned(2), _e.State(1, WorkerState.Starting, WorkerState.Paused)); // 1: the user's p
        Apply(_e.Scheduled(2, SlotChange.Queued, 1, 1), _e.State(2, WorkerState.Starting, WorkerState.Paused, "queued for a slot: stopped by tuiproc's SIGSTOP (T)"));

        Assert.Equal(new ShownState(WorkerState.Paused), _model.Find(new WorkerId(1))!.Shown);
        Assert.Equal(new ShownState(WorkerState.Paused, Queued: true), _model.Find(new WorkerId(2))!.Shown);
        Assert.Equal((1, 1), (_model.CountByState()[new(WorkerState.Paused)], _model.CountByState()[new(WorkerState.Paused, true)]));
    }

    [Fact]
    public void Queued_BeforeTheStopIsSeen_ShowsRunning_AfterTheGrant_QueuedUntilItRuns()
    {
        Apply(_e.Spawned(1), _e.State(1, WorkerState.Starting, WorkerState.Running));
        WorkerRow row = _model.Find(new WorkerId(1))!;

        Apply(_e.Scheduled(1, SlotChange.Queued, 1, 1)); // SIGSTOP sent; the OS state not read back yet
        Assert.Equal(new ShownState(WorkerState.Running), row.Shown);

        Apply(_e.State(1, WorkerState.Running, WorkerState.Paused));
        Apply(_e.Scheduled(1, SlotChange.Granted, 1, 0)); // SIGCONT sent; still stopped until the next poll
        Assert.True(row.Shown.Queued);

        Apply(_e.State(1, WorkerState.Paused, WorkerState.Running));
        Assert.Equal(new ShownState(WorkerState.Running), row.Shown);
    }

    [Fact]
    public void Queued_ThenPausedByTheUser_IsPaused()
    {
        // Bug pinned: a queued worker the user pauses stays stopped (no state change), so only the scheduler's
        // Left decision can tell the table that the stop is now the user's.
        Apply(_e.Spawned(1), _e.Scheduled(1, SlotChange.Queued, 1, 1), _e.State(1, WorkerState.Starting, WorkerState.Paused));
        Apply(_e.Scheduled(1, SlotChange.Left, 1, 0, "paused by the user"));

        Assert.Equal(new ShownState(WorkerState.Paused), _model.Find(new WorkerId(1))!.Shown);
    }

    [Fact]
    public void Queued_ResumedByTheUserIntoAFullQueue_IsQueuedWithoutAStateChange()
    {
        Apply(_e.Spawned(1), _e.State(1, WorkerState.Starting, WorkerState.Paused));
        Apply(_e.Scheduled(1, SlotChange.Queued, 1, 1, "resumed: the slot was taken"));

        Assert.True(_model.Find(new WorkerId(1))!.Shown.Queued);
    }

    [Fact]
    public void Snapshot_CarriesWhoIsQueued()
    {
        Apply(_e.Snapshot(SchedulingMode.PauseOnWait, 1, _e.Info(1, WorkerState.Running), _e.Info(2, WorkerState.Paused, queued: true)));

        Assert.Equal([false, true], _model.Workers.Select(w => w.Shown.Queued));
    }
}
