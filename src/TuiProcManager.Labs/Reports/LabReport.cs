using System.Globalization;
using System.Text;
using System.Text.Json;
using TuiProcManager.Core.Text;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;

namespace TuiProcManager.Labs.Reports;

/// <summary>
/// A small report of one student's lab, for a teacher to collect: who, when, how long, which steps were
/// done when, hints used and wrong answers, as Markdown or JSON.
/// </summary>
public static class LabReport
{
    /// <summary>The JSON report's format.</summary>
    public const string JsonFormat = "tuiproc-lab-report/1";

    /// <summary>The report as Markdown.</summary>
    public static string Markdown(Lab lab, LabProgress progress, string user, string machine)
    {
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentNullException.ThrowIfNull(progress);
        (int done, int hints, int wrong) = Totals(lab, progress);
        StringBuilder md = new();
        md.Append(CultureInfo.InvariantCulture, $"# Lab {lab.Id}: {Cell(lab.Title)} — report\n\n");
        md.Append("| | |\n|---|---|\n");
        md.Append(CultureInfo.InvariantCulture, $"| student | {Cell(user)} |\n| machine | {Cell(machine)} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| started | {When(progress.StartedAt)} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| finished | {(progress.FinishedAt is { } f ? When(f) : "not yet")} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| time spent | {Duration(TimeSpan.FromSeconds(progress.ActiveSeconds))} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| steps done | {done} of {lab.Steps.Length} |\n| hints used | {hints} |\n| wrong answers | {wrong} |\n\n");
        md.Append("| # | step | done at | hints | wrong answers | answer |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < lab.Steps.Length; i++)
        {
            LabStep step = lab.Steps[i];
            StepProgress p = progress.Steps.GetValueOrDefault(step.Id) ?? new StepProgress();
            string at = p.DoneAt is { } d ? d.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "—";
            md.Append(CultureInfo.InvariantCulture, $"| {i + 1} | {Cell(step.Title)} | {at} | {p.HintsShown} | {p.WrongAnswers} | {Cell(p.Answer ?? "")} |\n");
        }

        return md.ToString();
    }

    /// <summary>The report as JSON (<see cref="JsonFormat"/>).</summary>
    public static string JsonText(Lab lab, LabProgress progress, string user, string machine)
    {
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentNullException.ThrowIfNull(progress);
        (int done, int hints, int wrong) = Totals(lab, progress);
        LabReportDocument report = new(
            JsonFormat, lab.Id, lab.Title, user, machine, progress.StartedAt, progress.FinishedAt, progress.ActiveSeconds,
            done, lab.Steps.Length, hints, wrong,
            [.. lab.Steps.Select(s =>
            {
                StepProgress p = progress.Steps.GetValueOrDefault(s.Id) ?? new StepProgress();
                return new LabReportStep(s.Id, s.Title, p.DoneAt is not null, p.DoneAt, p.HintsShown, p.WrongAnswers, p.Answer);
            })]);
        return JsonSerializer.Serialize(report, LabsJsonContext.Default.LabReportDocument) + "\n";
    }

    /// <summary>A duration as a person says it: "8 min 38 s", "1 h 02 min", "12 s".</summary>
    public static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours} h {t.Minutes:00} min")
        : t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes} min {t.Seconds:00} s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalSeconds} s");

    private static (int Done, int Hints, int Wrong) Totals(Lab lab, LabProgress progress)
    {
        List<StepProgress> steps = [.. lab.Steps.Select(s => progress.Steps.GetValueOrDefault(s.Id) ?? new StepProgress())];
        return (steps.Count(s => s.DoneAt is not null), steps.Sum(s => s.HintsShown), steps.Sum(s => s.WrongAnswers));
    }

    private static string When(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Text safe in a Markdown table cell: control characters visible, pipes escaped, one line.</summary>
    private static string Cell(string text) =>
        TerminalText.Sanitize(text.ReplaceLineEndings(" ")).Replace("|", "\\|", StringComparison.Ordinal);
}
