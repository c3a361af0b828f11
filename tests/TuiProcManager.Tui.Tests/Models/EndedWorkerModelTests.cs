using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Models;

/// <summary>
/// An ended worker shows nothing that was true only while it ran: the CPU panel kept its last figure;
/// a lane or child rows could outlive it when the screen's queue dropped their state changes (its end
/// is never dropped).
/// </summary>
public sealed class EndedWorkerModelTests
{
    private readonly EventBuilder _e = new();

    [Fact]
    public void Cpu_AtTheEnd_AZeroIsAdded_ThenOneAMachineSample_UntilTheHistoryIsAllAfterTheEnd()
    {
        CpuModel model = new(history: 5);
        model.Apply(_e.Sample(1, 97.5));
        model.Apply(_e.Ended(1));
        WorkerId id = new(1);

        Assert.True(model.HasEnded(id));
        Assert.Equal([97.5, 0.0], model.For(id)!.ToArray());
        for (int i = 0; i < 10; i++)
        {
            model.Apply(_e.Machine(50));
        }

        Assert.Equal([0.0, 0.0, 0.0, 0.0, 0.0], model.For(id)!.ToArray());
    }

    [Fact]
    public void Cpu_ASampleAfterTheEnd_IsIgnored()
    {
        CpuModel model = new();
        model.Apply(_e.Sample(1, 10));
        model.Apply(_e.Ended(1));

        model.Apply(_e.Sample(1, 99));

        Assert.Equal(0.0, model.For(new WorkerId(1))![^1]);
    }

    [Fact]
    public void Timeline_AnEndWhoseStateChangeWasDropped_EndsTheLaneAnyway()
    {
        TimelineModel model = new();
        model.Apply(_e.Spawned(1));
        model.Apply(_e.State(1, WorkerState.Starting, WorkerState.Running));

        model.Apply(_e.Ended(1, WorkerExit.Signaled(9, "SIGKILL"))); // its state change to ended was dropped

        Assert.Equal(WorkerState.Ended, model.Lanes[0].Current.State);
        Assert.Contains("SIGKILL", model.Log[model.Log.Count - 1].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_AnEndAfterItsStateChange_AddsNothing()
    {
        TimelineModel model = new();
        model.Apply(_e.Spawned(1));
        model.Apply(_e.State(1, WorkerState.Starting, WorkerState.Ended));
        int changes = model.Lanes[0].Changes.Count;

        Assert.False(model.Apply(_e.Ended(1)));
        Assert.Equal(changes, model.Lanes[0].Changes.Count);
    }

    [Fact]
    public void Table_AtTheEnd_ChildRowsGo_CpuIsZero_ALateSampleBringsNothingBack()
    {
        ProcessTableModel model = new();
        model.Apply(_e.Spawned(1));
        model.Apply(_e.Sample(1, 80, 1, EventBuilder.Child(2001, 1001, 99)));
        Assert.Equal(2, model.Lines.Count);

        model.Apply(_e.Ended(1)); // the children's ends were dropped
        model.Apply(_e.Sample(1, 80, 1, EventBuilder.Child(2001, 1001, 99)));

        Assert.Single(model.Lines);
        Assert.Equal(0, model.Workers[0].CpuPercent);
    }
}
