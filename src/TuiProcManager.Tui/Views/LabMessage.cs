namespace TuiProcManager.Tui.Views;

/// <summary>The last thing that happened in the lab, shown above the current step: a step done, a wrong answer.</summary>
/// <param name="Text">One line (wrapped in the panel).</param>
/// <param name="Role">Its colour role.</param>
internal sealed record LabMessage(string Text, string? Role);
