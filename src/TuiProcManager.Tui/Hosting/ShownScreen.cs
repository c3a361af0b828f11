using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Text;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiProcManager.Tui.Hosting;

/// <summary>
/// The <see cref="TerminalMirror"/>'s picture of the terminal: each cell's grapheme and attribute as last
/// written, each row's wide-grapheme flag and a cached hash of the row as shown.
/// </summary>
internal sealed class ShownScreen
{
    /// <summary>A row hash not computed yet (<see cref="RowHash"/> computes it).</summary>
    private const long HashToCompute = -2;

    private string?[] _text = [];   // null: not known (never written, or scrolled in blank)
    private Attribute?[] _attributes = [];
    private bool[] _wide = [];      // rows holding a wide grapheme: never trimmed (two cells, one write)
    private long[] _shownHash = []; // each row's hash as the terminal shows it; 0: a cell not known

    /// <summary>Rows of the picture.</summary>
    public int Rows { get; private set; }

    /// <summary>Columns of the picture.</summary>
    public int Cols { get; private set; }

    /// <summary>Forgets everything: a picture of <paramref name="rows"/> by <paramref name="cols"/> cells, none known.</summary>
    public void Reset(int rows, int cols)
    {
        Rows = rows;
        Cols = cols;
        _text = new string?[rows * cols];
        _attributes = new Attribute?[rows * cols];
        _wide = new bool[rows];
        _shownHash = new long[rows];
        Array.Fill(_shownHash, HashToCompute);
    }

    /// <summary>The picture now holds every dirty cell (about to be written); rows' wide flags follow.</summary>
    public void Record(IOutputBuffer buffer, Cell[,] contents)
    {
        int cols = Cols;
        for (int row = 0; row < Rows; row++)
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
            _shownHash[row] = HashToCompute;
        }
    }

    /// <summary>Whether <paramref name="row"/> as shown holds a wide grapheme.</summary>
    public bool IsWide(int row) => _wide[row];

    /// <summary>The terminal scrolled rows top..bottom by <paramref name="by"/> (up when positive).</summary>
    public void Shift(int top, int bottom, int by)
    {
        if (by > 0)
        {
            for (int r = top; r <= bottom; r++)
            {
                CopyRow(r + by <= bottom ? r + by : -1, r);
            }
        }
        else
        {
            for (int r = bottom; r >= top; r--)
            {
                CopyRow(r + by >= top ? r + by : -1, r);
            }
        }
    }

    /// <summary>Whether the terminal shows <paramref name="cell"/> at <paramref name="row"/>, <paramref name="col"/>.</summary>
    public bool Shows(int row, int col, Cell cell)
    {
        int i = (row * Cols) + col;
        return _text[i] is { } text && string.Equals(text, cell.Grapheme, StringComparison.Ordinal) && _attributes[i] == cell.Attribute;
    }

    /// <summary>Whether the terminal's <paramref name="shownRow"/> shows the frame's <paramref name="row"/>, every cell.</summary>
    public bool SameRow(Cell[,] contents, int row, int shownRow)
    {
        for (int col = 0; col < Cols; col++)
        {
            if (!Shows(shownRow, col, contents[row, col]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Cells of the frame's <paramref name="row"/> the terminal's <paramref name="shownRow"/> does not show.</summary>
    public int Differing(Cell[,] contents, int row, int shownRow)
    {
        int n = 0;
        for (int col = 0; col < Cols; col++)
        {
            n += Shows(shownRow, col, contents[row, col]) ? 0 : 1;
        }

        return n;
    }

    /// <summary>The hash of <paramref name="row"/> as shown (as <see cref="HashOf"/> would hash it); 0 when a cell is not known.</summary>
    public long RowHash(int row)
    {
        if (_shownHash[row] != HashToCompute)
        {
            return _shownHash[row];
        }

        return _shownHash[row] = ComputeRowHash(row);
    }

    /// <summary>The hash of the frame's <paramref name="row"/>: never 0, which means "not known".</summary>
    public static long HashOf(Cell[,] contents, int row, int cols)
    {
        HashCode h = new();
        for (int col = 0; col < cols; col++)
        {
            h.Add(contents[row, col].Grapheme, StringComparer.Ordinal);
            h.Add(contents[row, col].Attribute);
        }

        return (uint)h.ToHashCode() | (1L << 40);
    }

    /// <summary>Whether the frame's <paramref name="row"/> holds a grapheme two columns wide.</summary>
    public static bool HasWide(Cell[,] contents, int row, int cols)
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

    private long ComputeRowHash(int row)
    {
        HashCode h = new();
        for (int col = 0; col < Cols; col++)
        {
            int i = (row * Cols) + col;
            if (_text[i] is null)
            {
                return 0;
            }

            h.Add(_text[i], StringComparer.Ordinal);
            h.Add(_attributes[i]);
        }

        return (uint)h.ToHashCode() | (1L << 40);
    }

    private void CopyRow(int from, int to)
    {
        int cols = Cols;
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
}
