using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Models;

public sealed class CpuModelTests
{
    private readonly Events _e = new();

    [Fact]
    public void History_IsTheWorkerAndItsDescendants_BoundedToTheLastMinute()
    {
        CpuModel model = new(history: 60);
        for (int i = 0; i < 100; i++)
        {
            model.Apply(_e.Sample(1, i, 1, Events.Child(2, 1, 100)));
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
}
