using System.Text.RegularExpressions;

namespace TuiProcManager.Benchmarks;

/// <summary>Which rows of the screen the bytes a program sent to its terminal went to.</summary>
internal static partial class TerminalRows
{
    /// <summary>
    /// Bytes sent to rows other than <paramref name="rows"/> (1-based): each byte counts for the row of the
    /// cursor move before it (a move's own bytes for the row it moves to); bytes before the first move, and
    /// anything that moves no cursor to a row (a scroll region), count as outside.
    /// </summary>
    public static long BytesOutside(byte[] sent, IReadOnlySet<int> rows)
    {
        string text = System.Text.Encoding.Latin1.GetString(sent); // one char a byte
        long outside = 0;
        int at = 0, row = 0;
        foreach (Match m in CursorMove().Matches(text))
        {
            outside += rows.Contains(row) ? 0 : m.Index - at;
            row = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            at = m.Index;
        }

        return outside + (rows.Contains(row) ? 0 : text.Length - at);
    }

    /// <summary>The 1-based rows of <paramref name="screen"/> (tmux capture-pane) that match <paramref name="pattern"/>.</summary>
    public static IReadOnlySet<int> Matching(string screen, Regex pattern) =>
        screen.Split('\n').Select((line, i) => (line, i)).Where(l => pattern.IsMatch(l.line)).Select(l => l.i + 1).ToHashSet();

    [GeneratedRegex(@"\x1b\[(\d+)(?:;\d+)?H")]
    private static partial Regex CursorMove();
}
