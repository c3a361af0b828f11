namespace TuiProcManager.Tui.Models;

/// <summary>
/// A line-wise selection in a scrollback: where it was started (the anchor) and where it reaches now (the
/// cursor), both inclusive. UI thread only.
/// </summary>
/// <remarks>
/// Positions are absolute: a line's index plus the lines the scrollback had evicted before it, so a selected
/// line keeps its place while new lines push old ones out. Lines that fall out of the scrollback drop out of
/// the selection; once all of its lines are gone, <see cref="Range"/> is null.
/// </remarks>
internal sealed class LineSelection
{
    /// <param name="line">The absolute line the selection starts (and for now ends) on.</param>
    public LineSelection(long line) => (Anchor, Cursor) = (line, line);

    /// <summary>The absolute line the selection was started on.</summary>
    public long Anchor { get; }

    /// <summary>The absolute line the selection reaches to now (the end that moves).</summary>
    public long Cursor { get; private set; }

    /// <summary>Moves the cursor by <paramref name="delta"/> lines, kept within the <paramref name="count"/> lines held after <paramref name="evicted"/>.</summary>
    public void MoveBy(long delta, long evicted, int count) => MoveTo(Cursor + delta, evicted, count);

    /// <summary>Moves the cursor to the absolute <paramref name="line"/>, kept within the <paramref name="count"/> lines held after <paramref name="evicted"/>.</summary>
    public void MoveTo(long line, long evicted, int count) =>
        Cursor = count == 0 ? line : Math.Clamp(line, evicted, evicted + count - 1);

    /// <summary>The cursor as an index into the lines held (clamped to them), or -1 when none is held.</summary>
    public int CursorIndex(long evicted, int count) => count == 0 ? -1 : (int)(Math.Clamp(Cursor, evicted, evicted + count - 1) - evicted);

    /// <summary>The first and last selected indices among the <paramref name="count"/> lines held after <paramref name="evicted"/>, or null when none of them is held.</summary>
    public (int First, int Last)? Range(long evicted, int count)
    {
        long first = Math.Max(Math.Min(Anchor, Cursor), evicted);
        long last = Math.Min(Math.Max(Anchor, Cursor), evicted + count - 1);
        return first > last ? null : ((int)(first - evicted), (int)(last - evicted));
    }
}
