using System.Drawing;
using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// A one-line text field whose cost per key does not grow with its length: the dialogs' fields.
/// </summary>
/// <remarks>
/// <para>
/// Terminal.Gui 2.5.0's TextField made typing quadratic: every key rebuilt the whole text (a list of
/// graphemes, then a string) and pushed two full copies of it, as cells, onto its undo history; a
/// bracketed paste into text that was not empty ran an edit distance between the old and new text (a
/// table of length × length). Measured in tmux: 1 KiB typed took 19 s; an 8 KiB paste 2.4 s, 128 KiB
/// never appeared (minutes at full CPU, and the UI thread deaf to everything meanwhile).
/// </para>
/// <para>
/// Here the text is one <see cref="StringBuilder"/>: a key inserts or deletes at the cursor (a copy of
/// what follows the cursor only, nothing when typing at the end); a paste is one insert
/// (<see cref="OnPaste"/>, which Terminal.Gui calls with a whole bracketed paste); drawing looks only at
/// the visible part (at most the field's width in characters, either side of the cursor). No undo, no
/// selection, no mouse editing: Backspace, Delete, Left, Right, Home/End (Ctrl+A/Ctrl+E), Ctrl+U and
/// Ctrl+K (delete to the start / the end). Enter, Tab and Esc are left to the dialog.
/// </para>
/// <para>
/// Control characters are not kept (a pasted newline or tab becomes a space): the field is one line.
/// At most <see cref="MaxLength"/> characters: a longer paste is cut there.
/// </para>
/// </remarks>
internal sealed class InputField : View
{
    /// <summary>The most characters a field holds: Terminal.Gui's own bound on a bracketed paste (1 Mi).</summary>
    public const int MaxLength = 1 << 20;

    private readonly StringBuilder _text = new();
    private int _cursor; // index into _text, never inside a surrogate pair
    private int _start;  // first index shown

    public InputField()
    {
        CanFocus = true;
        Height = 1;
        Cursor = new Cursor { Style = TextField.DefaultCursorStyle };
    }

    /// <summary>The text typed. Hides <see cref="View.Text"/>, which Terminal.Gui would lay out and draw whole.</summary>
    public new string Text
    {
        get => _text.ToString();
        set
        {
            _text.Clear();
            Insert(0, value ?? "");
            _cursor = _text.Length;
            _start = 0;
            SetNeedsDraw();
        }
    }

    /// <summary>How many characters (UTF-16 units) the field holds.</summary>
    public int Length => _text.Length;

    /// <summary>Where the cursor is, in characters from the start.</summary>
    public int CursorPosition => _cursor;

    protected override bool OnKeyDown(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        bool handled = true;
        if (key == Key.Backspace)
        {
            Delete(Previous(_cursor), _cursor);
        }
        else if (key == Key.Delete)
        {
            Delete(_cursor, Next(_cursor));
        }
        else if (key == Key.CursorLeft)
        {
            MoveTo(Previous(_cursor));
        }
        else if (key == Key.CursorRight)
        {
            MoveTo(Next(_cursor));
        }
        else if (key == Key.Home || key == Key.A.WithCtrl)
        {
            MoveTo(0);
        }
        else if (key == Key.End || key == Key.E.WithCtrl)
        {
            MoveTo(_text.Length);
        }
        else if (key == Key.U.WithCtrl)
        {
            Delete(0, _cursor);
        }
        else if (key == Key.K.WithCtrl)
        {
            Delete(_cursor, _text.Length);
        }
        else if (!key.IsCtrl && !key.IsAlt && key.AsGrapheme is { Length: > 0 } typed && !char.IsControl(typed[0]))
        {
            _cursor += Insert(_cursor, typed);
            SetNeedsDraw();
        }
        else
        {
            handled = false; // Enter, Tab, Esc, arrows up and down: the dialog's
        }

        return handled || base.OnKeyDown(key);
    }

    /// <summary>A whole bracketed paste (or Ctrl+V's clipboard text): one insert.</summary>
    protected override bool OnPaste(string text)
    {
        _cursor += Insert(_cursor, text ?? "");
        SetNeedsDraw();
        return true;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int width = Viewport.Width;
        if (width <= 0)
        {
            return true;
        }

        Scroll(width);
        SetAttribute(GetAttributeForRole(VisualRole.Editable));
        Move(0, 0);
        int column = 0;
        int cursorColumn = 0;
        int i = _start;
        while (i < _text.Length)
        {
            if (i == _cursor)
            {
                cursorColumn = column;
            }

            Rune rune = RuneAt(i);
            int columns = Math.Max(rune.GetColumns(), 0);
            if (column + columns > width)
            {
                break;
            }

            AddRune(rune);
            column += columns;
            i += rune.Utf16SequenceLength;
        }

        if (i == _cursor && _cursor == _text.Length)
        {
            cursorColumn = column;
        }

        for (; column < width; column++)
        {
            AddRune((Rune)' ');
        }

        Cursor = Cursor with { Position = HasFocus ? ViewportToScreen(new Point(Math.Min(cursorColumn, width - 1), 0)) : null };
        return true;
    }

    protected override void OnHasFocusChanged(bool newHasFocus, View? previousFocusedView, View? focusedView)
    {
        base.OnHasFocusChanged(newHasFocus, previousFocusedView, focusedView);
        SetNeedsDraw();
    }

    /// <summary>Inserts <paramref name="text"/> at <paramref name="at"/>, control characters as spaces, up to <see cref="MaxLength"/>; returns how many characters went in.</summary>
    private int Insert(int at, string text)
    {
        int room = MaxLength - _text.Length;
        if (room <= 0 || text.Length == 0)
        {
            return 0;
        }

        int count = Math.Min(text.Length, room);
        if (count < text.Length && char.IsHighSurrogate(text[count - 1]))
        {
            count--; // never half a pair
        }

        char[] clean = new char[count];
        for (int i = 0; i < count; i++)
        {
            clean[i] = char.IsControl(text[i]) ? ' ' : text[i];
        }

        _text.Insert(at, clean);
        return count;
    }

    private void Delete(int from, int to)
    {
        if (to <= from)
        {
            return;
        }

        _text.Remove(from, to - from);
        _cursor = from;
        _start = Math.Min(_start, _cursor);
        SetNeedsDraw();
    }

    private void MoveTo(int position)
    {
        _cursor = Math.Clamp(position, 0, _text.Length);
        SetNeedsDraw();
    }

    /// <summary>
    /// Keeps the cursor in view: the first character shown moves back to the cursor, or forward until the
    /// text from it to the cursor fits (walking back from the cursor: at most <paramref name="width"/> characters).
    /// </summary>
    private void Scroll(int width)
    {
        if (_cursor < _start)
        {
            _start = _cursor;
            return;
        }

        int columns = 1; // the cursor's own cell
        int i = _cursor;
        while (i > _start)
        {
            int previous = Previous(i);
            int w = Math.Max(RuneAt(previous).GetColumns(), 0);
            if (columns + w > width)
            {
                _start = i;
                return;
            }

            columns += w;
            i = previous;
        }
    }

    private Rune RuneAt(int i) =>
        Rune.TryCreate(_text[i], out Rune r) ? r
        : i + 1 < _text.Length && Rune.TryCreate(_text[i], _text[i + 1], out Rune pair) ? pair
        : Rune.ReplacementChar;

    private int Previous(int i) =>
        i <= 0 ? 0 : i >= 2 && char.IsLowSurrogate(_text[i - 1]) && char.IsHighSurrogate(_text[i - 2]) ? i - 2 : i - 1;

    private int Next(int i) =>
        i >= _text.Length ? _text.Length : i + 1 < _text.Length && char.IsHighSurrogate(_text[i]) && char.IsLowSurrogate(_text[i + 1]) ? i + 2 : i + 1;
}
