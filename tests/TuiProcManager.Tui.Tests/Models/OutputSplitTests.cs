using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;

namespace TuiProcManager.Tui.Tests.Models;

public sealed class OutputSplitTests
{
    [Fact]
    public void Toggle_AddsThenRemoves_InTheOrderAdded_AndRefusesAFifth()
    {
        OutputSplit split = new();
        foreach (int id in new[] { 3, 1, 4, 2 })
        {
            Assert.True(split.Toggle(new WorkerId(id)));
        }

        Assert.False(split.Toggle(new WorkerId(5)));
        Assert.Equal([3, 1, 4, 2], split.Workers.Select(w => w.Value));

        Assert.True(split.Toggle(new WorkerId(1)));
        Assert.Equal([3, 4, 2], split.Workers.Select(w => w.Value));
    }

    [Fact]
    public void Enough_FromTwoWorkers()
    {
        OutputSplit split = new();
        split.Toggle(new WorkerId(1));
        Assert.False(split.Enough);
        split.Toggle(new WorkerId(2));
        Assert.True(split.Enough);
    }

    [Fact]
    public void Restore_DropsDuplicates_AndKeepsFourAtMost()
    {
        OutputSplit split = new();
        split.Restore([new WorkerId(1), new WorkerId(2), new WorkerId(2), new WorkerId(3), new WorkerId(4), new WorkerId(5)]);
        Assert.Equal([1, 2, 3, 4], split.Workers.Select(w => w.Value));
    }
}
