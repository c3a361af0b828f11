namespace TuiProcManager.Tui.Models;

/// <summary>
/// One row of a teacher's class view: a student's shared session as its server said it a moment ago, or a
/// host that cannot be reached (<see cref="Problem"/>, the other fields empty).
/// </summary>
/// <param name="Host">The host, as the teacher named it; empty: this one.</param>
/// <param name="Student">The session's user.</param>
/// <param name="Session">The session's name.</param>
/// <param name="Lab">The lab's id, or null without one.</param>
/// <param name="Step">The current step from 1 (steps + 1 once finished), or 0 without a lab.</param>
/// <param name="Steps">The lab's steps, or 0.</param>
/// <param name="StepTitle">The current step's title, empty once finished or without a lab.</param>
/// <param name="StepSince">When the current step became current; null without a lab.</param>
/// <param name="Hints">Hints asked, all steps.</param>
/// <param name="Wrong">Wrong answers, all steps.</param>
/// <param name="Alive">Workers alive.</param>
/// <param name="Workers">Workers started so far.</param>
/// <param name="Cpu">The workers' CPU, 100 = one core.</param>
/// <param name="LastEvent">The last thing that happened, in a few words; empty before any.</param>
/// <param name="LastEventAt">When; null before any.</param>
/// <param name="Problem">
/// Why the host gives no rows (down, the link dropped; <see cref="Student"/> empty), or why the session no
/// longer answers (the rest as it last did), one line; null for a live session's row.
/// </param>
public sealed record ClassRow(
    string Host,
    string Student,
    string Session,
    string? Lab,
    int Step,
    int Steps,
    string StepTitle,
    DateTimeOffset? StepSince,
    int Hints,
    int Wrong,
    int Alive,
    int Workers,
    double Cpu,
    string LastEvent,
    DateTimeOffset? LastEventAt,
    string? Problem = null)
{
    /// <summary>A row saying that <paramref name="host"/> gives none: <paramref name="problem"/>.</summary>
    public static ClassRow HostProblem(string host, string problem) =>
        new(host, "", "", null, 0, 0, "", null, 0, 0, 0, 0, 0, "", null, problem);

    /// <summary>A host's row (no session in it).</summary>
    public bool IsHost => Student.Length == 0;

    /// <summary>How <c>tuiproc attach</c> reaches the session: <c>USER/NAME</c>, or <c>HOST:USER/NAME</c>.</summary>
    public string Address => Host.Length == 0 ? $"{Student}/{Session}" : $"{Host}:{Student}/{Session}";

    /// <summary>
    /// How long the student has been where they are, as of <paramref name="now"/>: on the current step (a lab),
    /// else since the last event; zero for a finished lab or a host's row.
    /// </summary>
    public TimeSpan StuckFor(DateTimeOffset now) =>
        Problem is not null || (Lab is not null && Step > Steps) ? TimeSpan.Zero
        : (StepSince ?? LastEventAt) is { } since && now > since ? now - since
        : TimeSpan.Zero;
}
