namespace TuiProcManager.Tui.Theming;

/// <summary>A theme file that could not be used, and why, in one line.</summary>
/// <param name="File">The file's path.</param>
/// <param name="Message">What is wrong with it.</param>
internal sealed record ThemeProblem(string File, string Message)
{
    public override string ToString() => $"theme file {File} {Message.ReplaceLineEndings(" ")}; it is skipped";
}
