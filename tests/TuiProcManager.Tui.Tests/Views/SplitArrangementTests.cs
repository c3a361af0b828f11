using System.Drawing;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Views;

namespace TuiProcManager.Tui.Tests.Views;

public sealed class SplitArrangementTests
{
    [Theory]
    [InlineData(80, 7, 4, "Beside", "Beside", 4)] // 80×24: four panes of 20 columns
    [InlineData(80, 7, 2, "Stacked", "Stacked", 2)] // two of 3 rows
    [InlineData(80, 7, 3, "Stacked", "Beside", 3)] // three do not fit stacked: side by side
    [InlineData(60, 5, 2, "Stacked", "Beside", 2)] // 60×16: too short to stack
    [InlineData(60, 5, 4, "Beside", "Beside", 3)] // three of 20 columns fit, the fourth is hidden
    [InlineData(30, 20, 3, "Beside", "Stacked", 3)] // narrow: stacked
    [InlineData(10, 2, 2, "Beside", "Beside", 1)] // nothing fits: one pane, cut
    public void Choose_TheAskedLayoutIfAllFit_ElseTheOneShowingMore(int width, int height, int panes, string asked, string layout, int shown)
    {
        Assert.Equal((Enum.Parse<SplitLayout>(layout), shown), SplitArrangement.Choose(width, height, panes, Enum.Parse<SplitLayout>(asked)));
    }

    [Fact]
    public void Pane_SharesTheSpace_WithoutGapsOrOverlap()
    {
        Rectangle[] beside = [.. Enumerable.Range(0, 3).Select(i => SplitArrangement.Pane(i, 3, SplitLayout.Beside, 80, 7))];
        Assert.Equal([new(0, 0, 26, 7), new(26, 0, 27, 7), new(53, 0, 27, 7)], beside);

        Rectangle[] stacked = [.. Enumerable.Range(0, 2).Select(i => SplitArrangement.Pane(i, 2, SplitLayout.Stacked, 80, 7))];
        Assert.Equal([new(0, 0, 80, 3), new(0, 3, 80, 4)], stacked);
    }
}
