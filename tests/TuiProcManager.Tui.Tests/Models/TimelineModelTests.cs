using TuiProcManager.Core.Events;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Models;

public sealed class TimelineModelTests
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(250);
    private readonly EventBuilder _e = new();

    private static string Draw(ShownState?[] cells) => new([.. cells.Select(c => c switch
    {
        null => ' ',
        { Queued: true } => 'q',
        { State: WorkerState.Running } => 'R',
        { State: WorkerState.Waiting } => 'w',
        { State: WorkerState.Paused } => 'P',
        { State: WorkerState.Starting } => 's',
        _ => '.',
    })]);

    private void At(double seconds) => _e.Now = EventBuilder.T0.AddSeconds(seconds);

    [Fact]
    public void Cells_TwoWorkersTakingTurns_AlternateColumns_ParallelOnesShareThem()
    {
        TimelineModel model = new();
        At(0);
        model.Apply(_e.Spawned(1));
        model.Apply(_e.Spawned(2));
        model.Apply(_e.State(1, WorkerState.Starting, WorkerState.Running));
        model.Apply(_e.State(2, WorkerState.Starting, WorkerState.Waiting));
        for (int turn = 1; turn <= 3; turn++)
        {
            At(turn * 0.5);
            model.Apply(_e.State(1, WorkerState.Running, WorkerState.Waiting));
            model.Apply(_e.State(2, WorkerState.Waiting, WorkerState.Running));
            At((turn * 0.5) + 0.25);
            model.Apply(_e.State(1, WorkerState.Waiting, WorkerState.Running));
            model.Apply(_e.State(2, WorkerState.Running, WorkerState.Waiting));
        }

        DateTimeOffset now = EventBuilder.T0.AddSeconds(2);
        Assert.Equal("RRwRwRwR", Draw(TimelineModel.Cells(model.Lanes[0], now, Slice, 8)));
        Assert.Equal("wwRwRwRw", Draw(TimelineModel.Cells(model.Lanes[1], now, Slice, 8)));
    }

    [Fact]
    public void Cells_BeforeTheSpawn_AreEmpty_AfterTheEnd_Ended()
    {
        TimelineModel model = new();
        At(1);
        model.Apply(_e.Spawned(1));
        model.Apply(_e.State(1, WorkerState.Starting, WorkerState.Running));
        At(1.5);
        model.Apply(_e.State(1, WorkerState.Running, WorkerState.Ended));

        Assert.Equal("    RR..", Draw(TimelineModel.Cells(model.Lanes[0], EventBuilder.T0.AddSeconds(2), Slice, 8)));
    }

    [Fact]
    public void Cells_ShowTheStateThatFilledMostOfTheSlice()
    {
        TimelineModel model = new();
        At(0);
        model.Apply(_e.Spawned(1));
        model.Apply(_e.State(1, WorkerState.Starting, WorkerState.Running));
        At(0.1);
        model.Apply(_e.State(1, WorkerState.Running, WorkerState.Paused)); // 100 ms running, 150 ms paused

        Assert.Equal("P", Draw(TimelineModel.Cells(model.Lanes[0], EventBuilder.T0.AddSeconds(0.25), Slice, 1)));
    }

    [Fact]
    public void Log_KeepsTheLatestTransitions_WithTheirReason()
    {
        TimelineModel model = new(transitionLog: 2);
        model.Apply(_e.Spawned(1));
        model.Apply(_e.State(1, WorkerState.Starting, WorkerState.Running, "on a CPU"));
        model.Apply(_e.State(1, WorkerState.Running, WorkerState.Waiting, "asleep"));
        model.Apply(_e.State(1, WorkerState.Waiting, WorkerState.Paused, "SIGSTOP"));

        Assert.Equal(["asleep", "SIGSTOP"], model.Log.ToArray().Select(t => t.Why));
        Assert.Equal("square 10", model.Log[1].Name);
    }

    [Fact]
    public void Log_ProcessLeftBehind_IsListed_WithTheWorkersStateUnchanged()
    {
        TimelineModel model = new();
        model.Apply(_e.Spawned(1));
        model.Apply(_e.State(1, WorkerState.Starting, WorkerState.Ended, "exit 0"));

        Assert.True(model.Apply(new ProcessLeftBehind(99, _e.Now, new WorkerId(1), 4711, "sleep", false, "it cannot be killed: Operation not permitted")));

        Transition t = model.Log[^1];
        Assert.Equal("pid 4711 (sleep) was left behind and survived: it cannot be killed: Operation not permitted", t.Why);
        Assert.Equal(t.From, t.To);
        Assert.Equal(WorkerState.Ended, t.To.State);
    }

    [Fact]
    public void Cells_PauseOnWait_QueuedCellsAreTheirOwn_SoTakingTurnsShows()
    {
        TimelineModel model = new();
        At(0);
        model.Apply(_e.Spawned(1));
        model.Apply(_e.Spawned(2));
        model.Apply(_e.State(1, WorkerState.Starting, WorkerState.Running));
        model.Apply(_e.Scheduled(2, SlotChange.Queued, 1, 1));
        model.Apply(_e.State(2, WorkerState.Starting, WorkerState.Paused));
        At(0.5); // 1 waits, 2 gets the slot
        model.Apply(_e.Scheduled(1, SlotChange.Released, 0, 1));
        model.Apply(_e.Scheduled(2, SlotChange.Granted, 1, 0));
        model.Apply(_e.State(1, WorkerState.Running, WorkerState.Waiting));
        model.Apply(_e.State(2, WorkerState.Paused, WorkerState.Running));
        At(1); // 1 wakes up while 2 holds the slot: queued
        model.Apply(_e.Scheduled(1, SlotChange.Queued, 1, 1));
        model.Apply(_e.State(1, WorkerState.Waiting, WorkerState.Paused));
        At(1.5); // and a user's pause looks different
        model.Apply(_e.Scheduled(2, SlotChange.Left, 0, 1));
        model.Apply(_e.State(2, WorkerState.Running, WorkerState.Paused));

        DateTimeOffset now = EventBuilder.T0.AddSeconds(2);
        Assert.Equal("RRwwqqqq", Draw(TimelineModel.Cells(model.Lanes[0], now, Slice, 8)));
        Assert.Equal("qqRRRRPP", Draw(TimelineModel.Cells(model.Lanes[1], now, Slice, 8)));
    }

    [Fact]
    public void Log_NamesQueued_AndListsADecisionThatChangesNoOsState()
    {
        TimelineModel model = new();
        model.Apply(_e.Spawned(1));
        model.Apply(_e.Scheduled(1, SlotChange.Queued, 1, 1, "spawned: the slot was taken, queued for a slot (first in line)"));
        model.Apply(_e.State(1, WorkerState.Starting, WorkerState.Paused, "spawned: the slot was taken, queued for a slot (first in line): stopped by tuiproc's SIGSTOP (T)"));
        model.Apply(_e.Scheduled(1, SlotChange.Left, 0, 0, "paused by the user")); // stays stopped: no OS change

        Transition queued = model.Log[0], paused = model.Log[1];
        Assert.Equal(2, model.Log.Count);
        Assert.Equal(("starting", "queued"), (queued.From.ToString(), queued.To.ToString()));
        Assert.EndsWith("stopped by tuiproc's SIGSTOP (T)", queued.Why, StringComparison.Ordinal);
        Assert.Equal(("queued", "paused", "pause-on-wait: paused by the user"), (paused.From.ToString(), paused.To.ToString(), paused.Why));
    }
}
