using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Theming;

/// <summary>
/// How states look without colour: a glyph and a word, so that no state is told by colour alone. The
/// Linux console's font lacks most symbols, so TERM=linux gets ASCII.
/// </summary>
internal sealed record StateGlyphs(char Starting, char Running, char Waiting, char Paused, char Ended, char Failed, string Branch, string LastBranch, string Separator)
{
    public static StateGlyphs Unicode { get; } = new('∙', '█', '─', '‖', ' ', '✗', "├─", "└─", "│");

    public static StateGlyphs Ascii { get; } = new('.', '#', '-', '|', ' ', 'x', "|-", "`-", "|");

    /// <summary>ASCII on the Linux console, Unicode elsewhere.</summary>
    public static StateGlyphs ForTerminal(string? term) => term == "linux" ? Ascii : Unicode;

    /// <summary>A state's cell in the timeline.</summary>
    public char Cell(WorkerState state) => state switch
    {
        WorkerState.Starting => Starting,
        WorkerState.Running => Running,
        WorkerState.Waiting => Waiting,
        WorkerState.Paused => Paused,
        _ => Ended,
    };

    /// <summary>The state as the process table shows it: a word, and for an end, how it ended.</summary>
    public static string Word(WorkerState state, WorkerExit? exit) => state switch
    {
        WorkerState.Starting => "starting",
        WorkerState.Running => "running",
        WorkerState.Waiting => "waiting",
        WorkerState.Paused => "paused",
        _ => exit switch
        {
            { Kind: ExitKind.Exited, Code: 0 } => "done",
            { Kind: ExitKind.Exited } => "failed",
            { Kind: ExitKind.Signaled } => "killed",
            { Kind: ExitKind.FailedToStart } => "not started",
            _ => "ended",
        },
    };
}
