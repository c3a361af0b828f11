using TuiProcManager.Tui.Models;

namespace TuiProcManager.Tui.Tests.Models;

/// <summary>A selection keeps to the same lines while the scrollback evicts old ones, and never reaches past the lines held.</summary>
public sealed class LineSelectionTests
{
    [Fact]
    public void Range_EitherDirection_IsFirstToLastInclusive()
    {
        LineSelection down = new(3);
        down.MoveBy(2, evicted: 0, count: 10);
        LineSelection up = new(3);
        up.MoveBy(-2, evicted: 0, count: 10);

        Assert.Equal((3, 5), down.Range(0, 10));
        Assert.Equal((1, 3), up.Range(0, 10));
    }

    [Fact]
    public void Move_PastEitherEnd_StopsAtTheLinesHeld()
    {
        LineSelection s = new(5);
        s.MoveBy(-100, evicted: 0, count: 10);
        Assert.Equal(0, s.Cursor);
        s.MoveBy(+100, evicted: 0, count: 10);
        Assert.Equal(9, s.Cursor);
        Assert.Equal((5, 9), s.Range(0, 10));
    }

    [Fact]
    public void LinesEvicted_SelectionStaysOnTheSameLines_AtLowerIndices()
    {
        LineSelection s = new(4);
        s.MoveBy(2, evicted: 0, count: 10); // lines 4..6

        Assert.Equal((1, 3), s.Range(evicted: 3, count: 10)); // three fell out: the same lines, three places up
        Assert.Equal(3, s.CursorIndex(evicted: 3, count: 10));
    }

    [Fact]
    public void PartlyEvicted_KeepsWhatIsLeft_AllEvicted_IsNull()
    {
        LineSelection s = new(4);
        s.MoveBy(2, evicted: 0, count: 10); // lines 4..6

        Assert.Equal((0, 1), s.Range(evicted: 5, count: 10)); // 4 fell out; 5 and 6 are at 0 and 1
        Assert.Null(s.Range(evicted: 7, count: 10));
        Assert.Null(s.Range(evicted: 0, count: 0));
    }
}
