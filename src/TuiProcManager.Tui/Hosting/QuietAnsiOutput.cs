using System.Globalization;
using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using TuiProcManager.Tui.Colors;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiProcManager.Tui.Hosting;

// Design: docs/decisions/0003-quiet-terminal-driver.md
/// <summary>
/// Terminal.Gui's ANSI output, writing only what changes on the terminal: changed cells (see
/// <see cref="TerminalMirror"/>), a scroll for a band of rows that moved, one cursor move per run of
/// cells, and nothing at all for a frame that changes nothing.
/// </summary>
/// <remarks>
/// <para>
/// Terminal.Gui 2.5.0, measured with tmux's pipe-pane: every main-loop iteration that drew anything
/// re-sent "hide cursor" and a cursor move (its "cursor needs update" flag is never cleared); every dirty
/// row began with a move to its first column, followed at once by a move to its first dirty cell; and
/// a cell written unchanged was sent again. Here the cursor is sent only when it is visible and moved or
/// drawn over, a move is sent only before text (the last one asked for wins), and unchanged cells are
/// dropped before the frame is written.
/// </para>
/// <para>
/// Colours are written in the <see cref="ColorMode"/> it is made for (<see cref="SgrColors"/>): Terminal.Gui
/// 2.5.0 knows only 24-bit and its own nearest-16, which put dark blue on black.
/// </para>
/// <para>
/// The moves are absolute (CSI row;col H), for the full-screen application only (the app never runs
/// Terminal.Gui's inline mode, whose row offset is internal).
/// </para>
/// </remarks>
/// <param name="colors">How much colour the terminal gets (<see cref="ColorMode.Auto"/> counts as 24-bit).</param>
internal sealed class QuietAnsiOutput(ColorMode colors = ColorMode.TrueColor) : AnsiOutput, IOutput
{
    private readonly SgrColors _colors = new(colors);
    private readonly TerminalMirror _mirror = new();
    private Cursor? _lastCursor;
    private bool _drawnSinceCursor = true;
    private (int Col, int Row)? _pendingMove;
    private readonly StringBuilder _frame = new();
    private bool _inFrame;

    /// <summary>Characters sent for cells, moves and scrolls (not counting the cursor's show/hide): for tests.</summary>
    public long CharactersWritten { get; private set; }

    /// <summary>Scrolls sent instead of rewriting rows: for tests.</summary>
    public long Scrolls => _mirror.Scrolls;

    /// <summary>Writes to the terminal (one per frame that changed something, one per cursor change): for tests.</summary>
    public long Writes { get; private set; }

    /// <summary>When set, everything counted in <see cref="CharactersWritten"/> is appended here too: for tests.</summary>
    internal StringBuilder? Transcript { get; set; }

    public override void Write(IOutputBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        long before = CharactersWritten;

        // The frame is gathered and written at once (Terminal.Gui writes each run of cells with a write(2)
        // of its own): a terminal that renders as bytes arrive (tmux, a slow SSH link) then never shows half
        // a frame, such as the header's new counts beside its old "Done!".
        _inFrame = true;
        try
        {
            if (_mirror.Prepare(buffer) is { } scroll)
            {
                Send(scroll);
            }

            base.Write(buffer);
        }
        finally
        {
            _inFrame = false;
        }

        if (_frame.Length > 0)
        {
            Writes++;
            base.Write(_frame);
            _frame.Clear();
        }

        _pendingMove = null; // a move with no text after it: the next text asks for its own
        _drawnSinceCursor |= CharactersWritten != before;
    }

    void IOutput.SetCursor(Cursor cursor)
    {
        // A hidden cursor stays hidden wherever the drawing leaves it: nothing to send again.
        bool hiddenAgain = !cursor.IsVisible && _lastCursor is { IsVisible: false };
        if (hiddenAgain || (!_drawnSinceCursor && _lastCursor == cursor))
        {
            _lastCursor = cursor;
            return;
        }

        SetCursor(cursor);
        if (cursor.IsVisible && _pendingMove is { } move)
        {
            Send(Move(move.Col, move.Row));
        }

        _pendingMove = null;
        _lastCursor = cursor;
        _drawnSinceCursor = false;
    }

    /// <summary>Not sent yet: only before the text that needs it (Terminal.Gui asks for moves it then replaces).</summary>
    protected override bool SetCursorPositionImpl(int col, int row)
    {
        _pendingMove = (col, row);
        return true;
    }

    protected override void Write(StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Length > 0 && _pendingMove is { } move)
        {
            output.Insert(0, Move(move.Col, move.Row));
            _pendingMove = null;
        }

        CharactersWritten += output.Length;
        Transcript?.Append(output);
        if (_inFrame)
        {
            _frame.Append(output);
            return;
        }

        Writes++;
        base.Write(output);
    }

    private void Send(string text)
    {
        CharactersWritten += text.Length;
        Transcript?.Append(text);
        if (_inFrame)
        {
            _frame.Append(text);
            return;
        }

        Writes++;
        Write(text.AsSpan());
    }

    /// <summary>
    /// The colours in this output's mode, then the change of text style (bold etc.), as Terminal.Gui's own; in
    /// 16 colours bold may be left out (<see cref="SgrColors.Append"/>).
    /// </summary>
    /// <remarks>
    /// Terminal.Gui passes the style it believes the terminal has: the last attribute's, or none after it
    /// reset the attributes. Where bold was left out of the last one, the terminal has that style less bold.
    /// </remarks>
    protected override void AppendOrWriteAttribute(StringBuilder output, Attribute attr, TextStyle redrawTextStyle)
    {
        TextStyle shown = _colors.Append(output, attr);
        TextStyle terminalHas = redrawTextStyle != TextStyle.None && _boldLeftOut ? redrawTextStyle & ~TextStyle.Bold : redrawTextStyle;
        TextStyleCodes.AppendChange(output, terminalHas, shown);
        _boldLeftOut = shown != attr.Style;
    }

    private bool _boldLeftOut; // the last attribute was sent without its bold

    private static string Move(int col, int row) => string.Create(CultureInfo.InvariantCulture, $"\u001b[{row + 1};{col + 1}H");
}
