namespace TuiProcManager.Tui.Models;

/// <summary>What an event did to the run (see <see cref="RunSummaryModel.Apply"/>).</summary>
internal enum RunChange
{
    None,
    Started,
    Ended,
}
