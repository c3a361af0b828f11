using System.Globalization;

namespace TuiProcManager.Tui.Models;

/// <summary>Short, fixed-width-friendly text for numbers in the panels.</summary>
internal static class Format
{
    /// <summary><c>512K</c>, <c>12.3M</c>, <c>1.0G</c>.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + "B",
        < 1024 * 1024 => (bytes / 1024).ToString(CultureInfo.InvariantCulture) + "K",
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + "M",
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + "G",
    };

    /// <summary><c>0:07</c>, <c>12:34</c>, <c>1:02:03</c>.</summary>
    public static string Duration(TimeSpan t) => t < TimeSpan.Zero ? "0:00"
        : t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}:{t.Seconds:00}");

    /// <summary>CPU time as htop's TIME+ shows it, to the hundredth (the unit /proc counts in): <c>0:01.25</c>, <c>1:02:03</c> from an hour.</summary>
    public static string CpuTime(TimeSpan t) => t < TimeSpan.Zero ? "0:00.00"
        : t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}:{t.Seconds:00}.{t.Milliseconds / 10:00}");

    /// <summary><c>97.5</c>; 100 is one whole core.</summary>
    public static string Percent(double percent) => percent.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Local wall-clock time with milliseconds: <c>14:03:07.250</c>.</summary>
    public static string Clock(DateTimeOffset at) => at.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
