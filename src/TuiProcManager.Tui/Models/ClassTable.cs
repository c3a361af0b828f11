using System.Globalization;

namespace TuiProcManager.Tui.Models;

/// <summary>
/// A teacher's class view as plain data: the rows in their order (hosts that give none first, then stuck
/// longest first, or by student), each as the columns it shows.
/// </summary>
public static class ClassTable
{
    /// <summary>The columns' headings.</summary>
    public static IReadOnlyList<string> Headings { get; } = ["STUDENT", "SESSION", "LAB", "STEP", "ON STEP", "HINTS", "WRONG", "ALIVE", "CPU%", "LAST EVENT"];

    /// <summary><paramref name="rows"/> in the view's order: problems first, then stuck longest (or by student, host, session).</summary>
    public static IReadOnlyList<ClassRow> Ordered(IEnumerable<ClassRow> rows, DateTimeOffset now, bool byStudent)
    {
        ArgumentNullException.ThrowIfNull(rows);
        IOrderedEnumerable<ClassRow> problemsFirst = rows.OrderBy(r => r.Problem is null);
        return byStudent
            ? [.. problemsFirst.ThenBy(r => r.Student, StringComparer.Ordinal).ThenBy(r => r.Host, StringComparer.Ordinal).ThenBy(r => r.Session, StringComparer.Ordinal)]
            : [.. problemsFirst.ThenByDescending(r => r.StuckFor(now)).ThenBy(r => r.Student, StringComparer.Ordinal).ThenBy(r => r.Session, StringComparer.Ordinal)];
    }

    /// <summary>The row's cells, in <see cref="Headings"/>' order, as of <paramref name="now"/>.</summary>
    public static IReadOnlyList<string> Cells(ClassRow row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row is { IsHost: true, Problem: { } problem })
        {
            return [row.Host.Length == 0 ? "(this host)" : row.Host, "", "", "", "", "", "", "", "", problem];
        }

        string student = row.Host.Length == 0 ? row.Student : $"{row.Host}:{row.Student}";
        string step = row.Lab is null ? "-" : row.Step > row.Steps ? "done" : $"{row.Step}/{row.Steps} {row.StepTitle}";
        string last = row.LastEvent.Length == 0 ? "-" : row.LastEventAt is { } at ? $"{Ago(now - at)} {row.LastEvent}" : row.LastEvent;
        return
        [
            student,
            row.Session,
            row.Lab ?? "-",
            step,
            row.Lab is null ? "-" : Span(row.StuckFor(now)),
            row.Lab is null ? "-" : row.Hints.ToString(CultureInfo.InvariantCulture),
            row.Lab is null ? "-" : row.Wrong.ToString(CultureInfo.InvariantCulture),
            $"{row.Alive}/{row.Workers}",
            row.Problem is null ? row.Cpu.ToString("0", CultureInfo.InvariantCulture) : "-",
            row.Problem is { } gone ? $"GONE: {gone}; before: {last}" : last,
        ];
    }

    /// <summary>A span as the view says it: 45s, 3m05s, 1h02m.</summary>
    public static string Span(TimeSpan span) =>
        span < TimeSpan.Zero ? "0s"
        : span.TotalMinutes < 1 ? $"{(int)span.TotalSeconds}s"
        : span.TotalHours < 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s"
        : $"{(int)span.TotalHours}h{span.Minutes:00}m";

    private static string Ago(TimeSpan span) => Span(span) + " ago:";
}
