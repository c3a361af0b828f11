namespace TuiProcManager.Tui.Models;

/// <summary>How the split's panes share the output panel's place.</summary>
internal enum SplitLayout
{
    /// <summary>Side by side, each the place's full height.</summary>
    Beside,

    /// <summary>One above the other, each the place's full width.</summary>
    Stacked,
}
