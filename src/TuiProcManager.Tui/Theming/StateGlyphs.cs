using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Theming;

/// <summary>
/// How states look without colour: a glyph and a word, so that no state is told by colour alone. The
/// Linux console's font lacks most symbols, so TERM=linux gets ASCII.
/// </summary>
/// <remarks>
/// Queued (stopped by the pause-on-wait scheduler until a slot is free) is a light shade: a worker that
/// would run, held back; between running's full block and waiting's thin line. In ASCII, '=' sits between
/// '#' and '-' the same way.
/// </remarks>
internal sealed record StateGlyphs(char Starting, char Running, char Waiting, char Paused, char Queued, char Ended, char Failed, string Branch, string LastBranch, string Separator)
{
    public static StateGlyphs Unicode { get; } = new('∙', '█', '─', '‖', '░', ' ', '✗', "├─", "└─", "│");

    public static StateGlyphs Ascii { get; } = new('.', '#', '-', '|', '=', ' ', 'x', "|-", "`-", "|");

    /// <summary>ASCII on the Linux console, Unicode elsewhere.</summary>
    public static StateGlyphs ForTerminal(string? term) => term == "linux" ? Ascii : Unicode;

    /// <summary>A state's cell in the timeline; <paramref name="queued"/> for a stop that is the scheduler's queue.</summary>
    public char Cell(WorkerState state, bool queued = false) => state switch
    {
        WorkerState.Starting => Starting,
        WorkerState.Running => Running,
        WorkerState.Waiting => Waiting,
        WorkerState.Paused => queued ? Queued : Paused,
        _ => Ended,
    };

    /// <summary>
    /// The state as the process table shows it: a word, and for an end, how it ended. A stop that is the
    /// pause-on-wait scheduler's (<paramref name="queued"/>) is <c>queued</c>, one by the user <c>paused</c>.
    /// </summary>
    public static string Word(WorkerState state, WorkerExit? exit, bool queued = false) => state switch
    {
        WorkerState.Starting => "starting",
        WorkerState.Running => "running",
        WorkerState.Waiting => "waiting",
        WorkerState.Paused => queued ? "queued" : "paused",
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
