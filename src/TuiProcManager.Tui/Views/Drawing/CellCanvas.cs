using System.Globalization;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiProcManager.Tui.Views.Drawing;

// Design: docs/decisions/0003-quiet-terminal-driver.md
/// <summary>
/// What a view shows, cell by cell (grapheme and attribute), built in plain memory and then written to
/// Terminal.Gui, all of it or only the cells that differ from what the view showed before.
/// </summary>
/// <remarks>
/// Terminal.Gui 2.5.0 spends about a microsecond and 800 bytes of garbage on every cell it is given
/// (measured: FillRect of 80×8 cells 0.37 ms, 523 KiB), so redrawing whole panels once a second for
/// a clock that moved was most of an idle app's CPU. Here a cell is a string reference and an attribute;
/// comparing two canvases costs next to nothing, and only the changed runs reach Terminal.Gui (and the
/// terminal: over SSH, fewer bytes too). A wide grapheme takes two cells, the second holding "". A
/// canvas that is not opaque starts with every cell null, "not mine": such cells are never written or
/// checked, so a box can own its border and leave its inside to the view within.
/// </remarks>
internal sealed class CellCanvas
{
    private static readonly string[] Ascii = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    private readonly string?[] _text;
    private readonly Attribute[] _attributes;

    public CellCanvas(int width, int height, Attribute fill, bool opaque = true)
    {
        Width = Math.Max(0, width);
        Height = Math.Max(0, height);
        _text = new string?[Width * Height];
        _attributes = new Attribute[Width * Height];
        Reset(fill, opaque);
    }

    /// <summary>Blank again, for reuse: every cell a space in <paramref name="fill"/> (or, not opaque, not painted).</summary>
    public void Reset(Attribute fill, bool opaque = true)
    {
        Array.Fill(_text, opaque ? " " : null);
        Array.Fill(_attributes, fill);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Paints <paramref name="count"/> cells of row <paramref name="y"/> from <paramref name="x"/> with one character.</summary>
    public void Fill(int x, int y, int count, char c, Attribute attribute)
    {
        string s = c < 128 ? Ascii[c] : c.ToString();
        for (int i = Math.Max(0, x); i < Math.Min(Width, x + count) && y >= 0 && y < Height; i++)
        {
            _text[(y * Width) + i] = s;
            _attributes[(y * Width) + i] = attribute;
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> from column <paramref name="x"/>, cut at <paramref name="limit"/> columns
    /// (and at the edge); returns the column after the last one written. A wide grapheme that would not fit
    /// whole is not written.
    /// </summary>
    public int Write(int x, int y, string text, Attribute attribute, int limit = int.MaxValue)
    {
        if (y < 0 || y >= Height || x >= Width)
        {
            return x;
        }

        int end = (int)Math.Min(Width, (long)x + Math.Max(0, limit));
        if (IsSimple(text))
        {
            foreach (char c in text)
            {
                if (x >= end)
                {
                    break;
                }

                Set(x++, y, Ascii[c < ' ' || c == 127 ? '?' : c], attribute);
            }

            return x;
        }

        TextElementEnumerator graphemes = StringInfo.GetTextElementEnumerator(text);
        while (graphemes.MoveNext() && x < end)
        {
            string g = graphemes.GetTextElement();
            int columns = g.GetColumns();
            if (columns <= 0)
            {
                continue; // nothing a cell can show on its own (sanitised text has no controls left)
            }

            if (columns > 1 && x + 1 >= end)
            {
                break;
            }

            Set(x, y, g, attribute);
            if (columns > 1)
            {
                Set(x + 1, y, "", attribute);
            }

            x += columns > 1 ? 2 : 1;
        }

        return x;
    }

    /// <summary>Writes <paramref name="text"/> and pads with spaces to exactly <paramref name="columns"/> columns.</summary>
    public int WritePadded(int x, int y, string text, Attribute attribute, int columns)
    {
        int after = Write(x, y, text, attribute, columns);
        Fill(after, y, x + columns - after, ' ', attribute);
        return Math.Min(Width, x + columns);
    }

    /// <summary>Whether the driver's screen still shows this canvas where <paramref name="view"/> is.</summary>
    /// <remarks>
    /// Anything may have drawn over a view since it last drew (a dialog, a parent clearing itself, a
    /// cleared screen). Checking the driver's cells is the one way to know that covers every case, and
    /// costs a read per cell.
    /// </remarks>
    public bool IsShownBy(View view)
    {
        Cell[,]? contents = view.App?.Driver?.Contents;
        if (contents is null)
        {
            return false;
        }

        System.Drawing.Point origin = view.ViewportToScreen(System.Drawing.Point.Empty);
        if (origin.X < 0 || origin.Y < 0 || origin.Y + Height > contents.GetLength(0) || origin.X + Width > contents.GetLength(1))
        {
            return false;
        }

        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                int i = (y * Width) + x;
                if (_text[i] is not { Length: > 0 })
                {
                    continue; // not ours, or the second half of a wide grapheme (the driver keeps nothing there)
                }

                ref Cell cell = ref contents[origin.Y + y, origin.X + x];
                if (cell.Attribute != _attributes[i] || !string.Equals(cell.Grapheme, _text[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Writes this canvas through <paramref name="view"/>: every cell, or, given what the view shows now
    /// (<paramref name="shown"/>, same size), only runs of cells that differ from it.
    /// </summary>
    /// <returns>The number of cells written.</returns>
    public int DrawOn(View view, CellCanvas? shown)
    {
        bool[] changed = new bool[Width];
        int written = 0;
        for (int y = 0; y < Height; y++)
        {
            int row = y * Width;
            for (int x = 0; x < Width; x++)
            {
                int i = row + x;
                changed[x] = _text[i] is not null && (shown is null
                    || !ReferenceEquals(_text[i], shown._text[i]) && !string.Equals(_text[i], shown._text[i], StringComparison.Ordinal)
                    || _attributes[i] != shown._attributes[i]);
            }

            // A wide grapheme is written whole: both its cells change together.
            for (int x = 0; x < Width; x++)
            {
                if (changed[x] && _text[row + x]?.Length == 0 && x > 0)
                {
                    changed[x - 1] = true;
                }
                else if (changed[x] && x + 1 < Width && _text[row + x + 1]?.Length == 0)
                {
                    changed[x + 1] = true;
                }
            }

            int start = 0;
            while (start < Width)
            {
                if (!changed[start])
                {
                    start++;
                    continue;
                }

                Attribute attribute = _attributes[row + start];
                int end = start;
                while (end < Width && changed[end] && (_attributes[row + end] == attribute || _text[row + end]?.Length == 0))
                {
                    end++;
                }

                view.Move(start, y);
                view.SetAttribute(attribute);
                view.AddStr(string.Concat(_text.AsSpan(row + start, end - start)!));
                written += end - start;
                start = end;
            }
        }

        return written;
    }

    public bool SameSizeAs(CellCanvas other) => other.Width == Width && other.Height == Height;

    /// <summary>Whether <paramref name="other"/> holds the same cells: size, graphemes and attributes.</summary>
    public bool SameCellsAs(CellCanvas other)
    {
        if (!SameSizeAs(other))
        {
            return false;
        }

        for (int i = 0; i < _text.Length; i++)
        {
            if (_attributes[i] != other._attributes[i] || !string.Equals(_text[i], other._text[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private void Set(int x, int y, string text, Attribute attribute)
    {
        int i = (y * Width) + x;
        _text[i] = text;
        _attributes[i] = attribute;
    }

    private static bool IsSimple(string text)
    {
        foreach (char c in text)
        {
            if (c >= 128)
            {
                return false;
            }
        }

        return true;
    }
}
