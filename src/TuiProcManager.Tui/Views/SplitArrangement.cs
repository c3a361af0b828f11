using System.Drawing;
using TuiProcManager.Tui.Models;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// Where the split's panes go in the output panel's place: the layout asked for when every pane fits it,
/// else the other one if more panes fit that way (narrow: stacked; short: side by side), and as many panes
/// as fit, from the first. At 60×16, the smallest screen drawn, the place is 4 rows high while the header
/// shows a message: two or three panes side by side fit, one stacked.
/// </summary>
internal static class SplitArrangement
{
    /// <summary>Narrowest pane: its border and 18 columns (a line's time takes 13).</summary>
    public const int MinPaneWidth = 20;

    /// <summary>Lowest pane: its border and one line.</summary>
    public const int MinPaneHeight = 3;

    /// <summary>The layout used and how many of <paramref name="panes"/> are shown (at least one) in a place of <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static (SplitLayout Layout, int Shown) Choose(int width, int height, int panes, SplitLayout asked)
    {
        SplitLayout other = asked == SplitLayout.Beside ? SplitLayout.Stacked : SplitLayout.Beside;
        int fitAsked = Fit(asked), fitOther = Fit(other);
        return fitAsked >= panes || fitAsked >= fitOther
            ? (asked, Math.Max(1, fitAsked))
            : (other, fitOther);

        int Fit(SplitLayout layout) => layout == SplitLayout.Beside
            ? height < MinPaneHeight ? 0 : Math.Min(panes, width / MinPaneWidth)
            : width < MinPaneWidth ? 0 : Math.Min(panes, height / MinPaneHeight);
    }

    /// <summary>The frame of pane <paramref name="index"/> of <paramref name="shown"/>: equal shares, the last taking what is left.</summary>
    public static Rectangle Pane(int index, int shown, SplitLayout layout, int width, int height)
    {
        int along = layout == SplitLayout.Beside ? width : height;
        int start = along * index / shown, end = along * (index + 1) / shown;
        return layout == SplitLayout.Beside
            ? new Rectangle(start, 0, end - start, height)
            : new Rectangle(0, start, width, end - start);
    }
}
