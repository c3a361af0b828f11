using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;

namespace TuiProcManager.Tui.Hosting;

// Design: docs/decisions/0003-quiet-terminal-driver.md
/// <summary>
/// What the terminal shows, cell by cell, as far as this app has written it: the terminal side of the
/// driver's buffer. Before a frame is written, cells Terminal.Gui marked dirty that the terminal already
/// shows are marked clean, and a band of rows that moved up or down as a whole (the Output panel when new
/// lines arrive) is moved on the terminal with one scroll instead of being written again.
/// </summary>
/// <remarks>
/// <para>
/// Terminal.Gui 2.5.0 marks every cell a view writes as dirty, changed or not, and writes every dirty
/// cell. Our canvas views write only changed cells, but Terminal.Gui's own views (the Output panel's
/// ListView, dialogs) rewrite all their cells on any change: every new output line re-sent the whole
/// panel, about 640 bytes a line at 120 columns.
/// </para>
/// <para>
/// The mirror is only right if nothing else writes cells to the terminal. Nothing does in this app; when
/// the screen has to be written anew (start, a resize, a cleared buffer: every cell dirty), the mirror is
/// forgotten and everything is written, as before.
/// </para>
/// <para>
/// A scroll is a full-width band (DECSTBM) scrolled with SU/SD, the region reset and the cursor saved and
/// restored around it (DECSTBM homes the cursor). The rows scrolled in are blank in an attribute the
/// mirror cannot know, so they are written in full. Chosen only where it saves cells
/// (<see cref="ScrollBandFinder"/>).
/// </para>
/// </remarks>
internal sealed class TerminalMirror
{
    /// <summary>Fewest rows with dirty cells before a scroll is looked for.</summary>
    private const int MinimumRowsForScroll = 3;

    private readonly ShownScreen _shown = new();

    /// <summary>Scrolls chosen so far (for tests and the benchmark).</summary>
    public long Scrolls { get; private set; }

    /// <summary>
    /// Marks clean the dirty cells the terminal already shows; returns the escape sequence of a scroll to
    /// send before the frame, or null. Call with the frame about to be written; the mirror then assumes it was.
    /// </summary>
    public string? Prepare(IOutputBuffer buffer)
    {
        Cell[,]? contents = buffer.Contents;
        if (contents is null)
        {
            return null;
        }

        int rows = Math.Min(buffer.Rows, contents.GetLength(0)), cols = Math.Min(buffer.Cols, contents.GetLength(1));
        if (rows != _shown.Rows || cols != _shown.Cols || AllDirty(contents, rows, cols))
        {
            _shown.Reset(rows, cols); // the whole screen is written: nothing to compare with
            _shown.Record(buffer, contents);
            return null;
        }

        string? scroll = null;
        // A scroll can only pay where several rows changed (new output lines redraw the whole panel); the
        // clock's tick or a changed count does not need the search, which reads every row.
        (int Top, int Bottom, int By)? band = DirtyRows(buffer, rows) >= MinimumRowsForScroll ? ScrollBandFinder.Find(buffer, contents, _shown, rows, cols) : null;
        if (band is { } b)
        {
            _shown.Shift(b.Top, b.Bottom, b.By);
            scroll = b.By > 0
                ? $"\u001b7\u001b[{b.Top + 1};{b.Bottom + 1}r\u001b[{b.By}S\u001b[r\u001b8"
                : $"\u001b7\u001b[{b.Top + 1};{b.Bottom + 1}r\u001b[{-b.By}T\u001b[r\u001b8";
            Scrolls++;
        }

        for (int row = 0; row < rows; row++)
        {
            bool inBand = band is { } s && row >= s.Top && row <= s.Bottom;
            if (!inBand && !buffer.DirtyLines[row])
            {
                continue;
            }

            bool wide = _shown.IsWide(row) || ShownScreen.HasWide(contents, row, cols);
            bool any = false;
            for (int col = 0; col < cols; col++)
            {
                ref Cell cell = ref contents[row, col];
                if (!cell.IsDirty && !inBand)
                {
                    continue;
                }

                // In a scrolled band every cell is checked: the terminal moved under clean cells too.
                bool dirty = wide || !_shown.Shows(row, col, cell);
                cell.IsDirty = dirty;
                any |= dirty;
            }

            buffer.DirtyLines[row] = any;
        }

        _shown.Record(buffer, contents);
        return scroll;
    }

    private static bool AllDirty(Cell[,] contents, int rows, int cols)
    {
        for (int row = 0; row < rows; row++)
        {
            for (int col = 0; col < cols; col++)
            {
                if (!contents[row, col].IsDirty)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static int DirtyRows(IOutputBuffer buffer, int rows)
    {
        int n = 0;
        for (int row = 0; row < rows; row++)
        {
            n += buffer.DirtyLines[row] ? 1 : 0;
        }

        return n;
    }
}
