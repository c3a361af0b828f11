namespace TuiProcManager.Labs.Reports;

/// <summary>The JSON report (<see cref="LabReport.JsonFormat"/>) as written: property order is the file's key order.</summary>
internal sealed record LabReportDocument(
    string Format,
    string Lab,
    string Title,
    string User,
    string Machine,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    double TimeSpentSeconds,
    int StepsDone,
    int StepCount,
    int HintsUsed,
    int WrongAnswers,
    IReadOnlyList<LabReportStep> Steps);

/// <summary>One step's line in the JSON report.</summary>
internal sealed record LabReportStep(string Id, string Title, bool Done, DateTimeOffset? DoneAt, int Hints, int WrongAnswers, string? Answer);
