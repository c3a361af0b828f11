using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Text;
using Attribute = Terminal.Gui.Drawing.Attribute;

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
/// mirror cannot know, so they are written in full. Chosen only where it saves cells.
/// </para>
/// </remarks>
internal sealed class TerminalMirror
{
    /// <summary>Cells' worth of bytes a scroll costs (its escape sequences, about 20 bytes).</summary>
    private const int ScrollCost = 20;

    /// <summary>Fewest rows with dirty cells before a scroll is looked for.</summary>
    private const int MinimumRowsForScroll = 3;

    private string?[] _text = [];   // null: not known (never written, or scrolled in blank)
    private Attribute?[] _attributes = [];
    private bool[] _wide = [];      // rows holding a wide grapheme: never trimmed (two cells, one write)
    private long[] _shownHash = []; // each row's hash as the terminal shows it; -2: to be computed
    private int _rows;
    private int _cols;

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
        if (rows != _rows || cols != _cols || AllDirty(contents, rows, cols))
        {
            Forget(rows, cols); // the whole screen is written: nothing to compare with
            Record(buffer, contents, rows, cols);
            return null;
        }

        string? scroll = null;
        // A scroll can only pay where several rows changed (new output lines redraw the whole panel); the
        // clock's tick or a changed count does not need the search, which reads every row.
        (int Top, int Bottom, int By)? band = DirtyRows(buffer, rows) >= MinimumRowsForScroll ? ChooseScroll(buffer, contents, rows, cols) : null;
        if (band is { } b)
        {
            Shift(b.Top, b.Bottom, b.By);
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

            bool wide = _wide[row] || HasWide(contents, row, cols);
            bool any = false;
            for (int col = 0; col < cols; col++)
            {
                ref Cell cell = ref contents[row, col];
                if (!cell.IsDirty && !inBand)
                {
                    continue;
                }

                // In a scrolled band every cell is checked: the terminal moved under clean cells too.
                bool dirty = wide || !Shows(row, col, cell);
                cell.IsDirty = dirty;
                any |= dirty;
            }

            buffer.DirtyLines[row] = any;
        }

        Record(buffer, contents, rows, cols);
        return scroll;
    }

    /// <summary>The mirror now holds every dirty cell (about to be written); rows' wide flags follow.</summary>
    private void Record(IOutputBuffer buffer, Cell[,] contents, int rows, int cols)
    {
        for (int row = 0; row < rows; row++)
        {
            if (!buffer.DirtyLines[row])
            {
                continue;
            }

            for (int col = 0; col < cols; col++)
            {
                Cell cell = contents[row, col];
                if (cell.IsDirty)
                {
                    _text[(row * cols) + col] = cell.Grapheme;
                    _attributes[(row * cols) + col] = cell.Attribute;
                }
            }

            _wide[row] = HasWide(contents, row, cols);
            _shownHash[row] = -2;
        }
    }

    /// <summary>
    /// The best band to scroll: rows that show, shifted by k, what the terminal shows now, where moving
    /// them saves more cells than the rows scrolled in and the escape cost. Null when none is worth it.
    /// </summary>
    private (int Top, int Bottom, int By)? ChooseScroll(IOutputBuffer buffer, Cell[,] contents, int rows, int cols)
    {
        // Only rows with dirty cells can be part of a moved band (a clean row shows what it showed).
        long[] now = new long[rows], before = new long[rows];
        int[] changed = new int[rows]; // cells of each row that differ from the terminal as it is
        for (int r = 0; r < rows; r++)
        {
            before[r] = HashShown(r, cols);
            if (buffer.DirtyLines[r])
            {
                now[r] = HashNew(contents, r, cols);
                changed[r] = now[r] == before[r] && SameRow(contents, r, r, cols) ? 0 : Differing(contents, r, r, cols);
            }
            else
            {
                now[r] = -1; // matches no hash
            }
        }

        (int, int, int)? best = null;
        int bestSaving = 0;
        for (int k = 1; k < rows - 1; k++)
        {
            foreach (int by in new[] { k, -k })
            {
                int r = Math.Max(0, -by);
                while (r < rows && r + by < rows)
                {
                    if (!(now[r] == before[r + by] && before[r + by] != 0 && SameRow(contents, r, r + by, cols)))
                    {
                        r++;
                        continue;
                    }

                    int start = r, saved = 0;
                    while (r < rows && r + by < rows && r + by >= 0 && now[r] == before[r + by] && before[r + by] != 0 && SameRow(contents, r, r + by, cols))
                    {
                        saved += changed[r];
                        r++;
                    }

                    int end = r - 1;

                    // Up: rows end+1 .. end+k come in at the bottom; down: start-k .. start-1 at the top.
                    (int top, int bottom) = by > 0 ? (start, Math.Min(rows - 1, end + by)) : (Math.Max(0, start + by), end);
                    int cost = ScrollCost;
                    for (int n = by > 0 ? end + 1 : top; n <= (by > 0 ? bottom : start - 1); n++)
                    {
                        cost += cols - changed[n]; // written in full instead of only its changed cells
                    }

                    if (saved - cost > bestSaving && bottom - top >= 1)
                    {
                        bestSaving = saved - cost;
                        best = (top, bottom, by);
                    }
                }
            }
        }

        return best;
    }

    /// <summary>The terminal scrolled rows top..bottom by <paramref name="by"/> (up when positive).</summary>
    private void Shift(int top, int bottom, int by)
    {
        int cols = _cols;
        if (by > 0)
        {
            for (int r = top; r <= bottom; r++)
            {
                CopyRow(r + by <= bottom ? r + by : -1, r, cols);
            }
        }
        else
        {
            for (int r = bottom; r >= top; r--)
            {
                CopyRow(r + by >= top ? r + by : -1, r, cols);
            }
        }
    }

    private void CopyRow(int from, int to, int cols)
    {
        if (from < 0)
        {
            Array.Fill(_text, null, to * cols, cols);
            _wide[to] = false;
            _shownHash[to] = 0; // not known
            return;
        }

        Array.Copy(_text, from * cols, _text, to * cols, cols);
        Array.Copy(_attributes, from * cols, _attributes, to * cols, cols);
        _wide[to] = _wide[from];
        _shownHash[to] = _shownHash[from];
    }

    private void Forget(int rows, int cols)
    {
        _rows = rows;
        _cols = cols;
        _text = new string?[rows * cols];
        _attributes = new Attribute?[rows * cols];
        _wide = new bool[rows];
        _shownHash = new long[rows];
        Array.Fill(_shownHash, -2L);
    }

    private bool Shows(int row, int col, Cell cell)
    {
        int i = (row * _cols) + col;
        return _text[i] is { } text && string.Equals(text, cell.Grapheme, StringComparison.Ordinal) && _attributes[i] == cell.Attribute;
    }

    private bool SameRow(Cell[,] contents, int row, int shownRow, int cols)
    {
        for (int col = 0; col < cols; col++)
        {
            if (!Shows(shownRow, col, contents[row, col]))
            {
                return false;
            }
        }

        return true;
    }

    private int Differing(Cell[,] contents, int row, int shownRow, int cols)
    {
        int n = 0;
        for (int col = 0; col < cols; col++)
        {
            n += Shows(shownRow, col, contents[row, col]) ? 0 : 1;
        }

        return n;
    }

    private static long HashNew(Cell[,] contents, int row, int cols)
    {
        HashCode h = new();
        for (int col = 0; col < cols; col++)
        {
            h.Add(contents[row, col].Grapheme, StringComparer.Ordinal);
            h.Add(contents[row, col].Attribute);
        }

        return (uint)h.ToHashCode() | (1L << 40); // never 0, which means "not known"
    }

    private long HashShown(int row, int cols)
    {
        if (_shownHash[row] != -2)
        {
            return _shownHash[row];
        }

        return _shownHash[row] = ComputeHashShown(row, cols);
    }

    private long ComputeHashShown(int row, int cols)
    {
        HashCode h = new();
        for (int col = 0; col < cols; col++)
        {
            int i = (row * cols) + col;
            if (_text[i] is null)
            {
                return 0;
            }

            h.Add(_text[i], StringComparer.Ordinal);
            h.Add(_attributes[i]);
        }

        return (uint)h.ToHashCode() | (1L << 40);
    }

    private static bool HasWide(Cell[,] contents, int row, int cols)
    {
        for (int col = 0; col < cols; col++)
        {
            string g = contents[row, col].Grapheme;
            if (g.Length > 0 && (g.Length > 1 || g[0] >= 0x1100) && g.GetColumns() > 1)
            {
                return true;
            }
        }

        return false;
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
