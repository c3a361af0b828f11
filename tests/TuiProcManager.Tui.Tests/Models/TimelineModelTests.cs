using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Models;

public sealed class TimelineModelTests
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(250);
    private readonly Events _e = new();

    private static string Draw(WorkerState?[] cells) => new([.. cells.Select(c => c switch
    {
        null => ' ',
        WorkerState.Running => 'R',
        WorkerState.Waiting => 'w',
        WorkerState.Paused => 'P',
        WorkerState.Starting => 's',
        _ => '.',
    })]);

    private void At(double seconds) => _e.Now = Events.T0.AddSeconds(seconds);

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

        DateTimeOffset now = Events.T0.AddSeconds(2);
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

        Assert.Equal("    RR..", Draw(TimelineModel.Cells(model.Lanes[0], Events.T0.AddSeconds(2), Slice, 8)));
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

        Assert.Equal("P", Draw(TimelineModel.Cells(model.Lanes[0], Events.T0.AddSeconds(0.25), Slice, 1)));
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
}
