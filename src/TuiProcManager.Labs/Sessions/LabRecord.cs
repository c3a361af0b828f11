namespace TuiProcManager.Labs.Sessions;

/// <summary>
/// Something the student did in a lab that the supervisor's stream does not carry: an answer given, a
/// hint asked for. Written into the <c>--events</c> file beside the supervisor's events, so that
/// <c>tuiproc lab N --check FILE</c> grades the questions too.
/// </summary>
/// <param name="Kind">An answer or a hint.</param>
/// <param name="Time">When.</param>
/// <param name="Lab">The lab's id.</param>
/// <param name="Step">The step's id.</param>
/// <param name="Answer">The answer given (typed text, or the choice); null for a hint.</param>
public sealed record LabRecord(LabRecordKind Kind, DateTimeOffset Time, string Lab, string Step, string? Answer);
