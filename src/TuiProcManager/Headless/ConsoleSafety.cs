namespace TuiProcManager.Headless;

/// <summary>Which of our outputs are terminals, where worker text must be made harmless (see TerminalText).</summary>
/// <param name="SanitizeStdout">Stdout is a terminal.</param>
/// <param name="SanitizeStderr">Stderr is a terminal.</param>
internal readonly record struct ConsoleSafety(bool SanitizeStdout, bool SanitizeStderr)
{
    /// <summary>Redirected output (a file, a pipe) gets the worker's bytes as they were; a terminal never gets control sequences.</summary>
    public static ConsoleSafety Detect() => new(!Console.IsOutputRedirected, !Console.IsErrorRedirected);
}
