using TuiProcManager.Tui.Views.Pointer;

namespace TuiProcManager.Tui.Tests.Views.Pointer;

public sealed class PanelSizesTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(20)]
    [InlineData(24)]
    [InlineData(37)]
    [InlineData(100)]
    public void Undragged_TheRowsAreDimPercentsOfTheWindow(int height)
    {
        PanelSizes sizes = new();

        Assert.Equal((int)(height * (35 / 100f)), sizes.ProcessesRows(height));
        Assert.Equal((int)(height * (30 / 100f)), sizes.MiddleRows(height));
        Assert.Equal(height * 62 / 100, sizes.StatesColumns(height));
    }

    [Fact]
    public void Dragged_TheRowsAsked_KeptAcrossResizesAsAShare()
    {
        PanelSizes sizes = new();

        Assert.Equal(10, sizes.ResizeProcesses(10, height: 24, room: 22));
        Assert.Equal(10, sizes.ProcessesRows(24));
        Assert.Equal(20, sizes.ProcessesRows(48));
    }

    [Fact]
    public void Dragged_NoPanelBelowItsMinimum()
    {
        PanelSizes sizes = new(); // 24 rows: Processes 8, the middle row 7, a room of 22 for the three

        Assert.Equal(PanelSizes.MinProcessesRows, sizes.ResizeProcesses(1, 24, 22));
        Assert.Equal(22 - 7 - PanelSizes.MinOutputRows, sizes.ResizeProcesses(30, 24, 22));
        Assert.Equal(PanelSizes.MinMiddleRows, sizes.ResizeMiddle(-4, 24, 22));
        Assert.Equal(PanelSizes.MinColumns, sizes.ResizeStates(0, 80));
        Assert.Equal(80 - PanelSizes.MinColumns, sizes.ResizeStates(79, 80));
    }
}
