namespace TuiProcManager.Tui.Views;

/// <summary>What the bottom panel, the Output panel's place, shows.</summary>
internal enum OutputPlace
{
    /// <summary>The selected worker's output, or all merged.</summary>
    Output,

    /// <summary>The shared results table.</summary>
    Results,

    /// <summary>The latest (or the selected worker's) pool.</summary>
    Pool,

    /// <summary>The run summary.</summary>
    Summary,
}
