namespace TuiProcManager.Sessions;

/// <summary>Rows as aligned columns for people (<c>ls</c>, <c>ctl ps</c>): two spaces between, the last column unpadded.</summary>
internal static class ColumnText
{
    public static string Format(IReadOnlyList<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int[] widths = [.. Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length))];
        return string.Join('\n', rows.Select(r => string.Join("  ", r.Select((cell, c) => c == r.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd()));
    }
}
