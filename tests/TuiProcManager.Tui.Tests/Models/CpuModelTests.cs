using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Models;

public sealed class CpuModelTests
{
    private readonly EventBuilder _e = new();

    [Fact]
    public void History_IsTheWorkerAndItsDescendants_BoundedToTheLastMinute()
    {
        CpuModel model = new(history: 60);
        for (int i = 0; i < 100; i++)
        {
            model.Apply(_e.Sample(1, i, 1, EventBuilder.Child(2, 1, 100)));
        }

        BoundedRing<double> history = model.For(new WorkerId(1))!;
        Assert.Equal(60, history.Count);
        Assert.Equal(199, history[59]); // its own 99% plus a child pinning a core
    }

    [Fact]
    public void Machine_KeepsEachCoreAndTheAverageHistory()
    {
        CpuModel model = new();
        model.Apply(_e.Machine(100, 0));
        model.Apply(_e.Machine(100, 100));

        Assert.Equal([100.0, 100.0], model.Cores.ToArray());
        Assert.Equal([50.0, 100.0], model.MachineHistory.ToArray());
    }

    [Fact]
    public void Meters_StayPutWhileACoreMovesLessThanTwoPoints_AndFollowBiggerMoves()
    {
        CpuModel model = new();
        double[] Shown(params double[] read)
        {
            model.Apply(_e.Machine(read));
            return model.Cores.ToArray();
        }

        Assert.Equal([0.0, 1.0], Shown(0, 1));
        Assert.Equal([0.0, 1.0], Shown(1, 0)); // an idle core's noise: 0, 1, 0, 1.9…
        Assert.Equal([0.0, 1.0], Shown(1.9, 2.9));
        Assert.Equal([2.0, 1.0], Shown(2, 1.5)); // two points from what is shown: followed
        Assert.Equal([2.0, 60.0], Shown(0.5, 60));
        Assert.Equal([0.0, 60.0], Shown(0, 58.5));
        Assert.Equal([0.0, 100.0], Shown(1, 100));
    }

    [Fact]
    public void Meters_ANewNumberOfCores_IsTakenAsRead()
    {
        CpuModel model = new();
        model.Apply(_e.Machine(0, 0));
        model.Apply(_e.Machine(1, 1, 1)); // a CPU brought online

        Assert.Equal([1.0, 1.0, 1.0], model.Cores.ToArray());
    }
}
