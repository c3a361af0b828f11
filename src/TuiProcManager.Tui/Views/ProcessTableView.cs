using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;
using TuiProcManager.Tui.Views.Pointer;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The process table: a header, then one row per line of the model, the selected row as a bar, the state
/// cell in its state's colour (on the bar too). Arrows, PgUp/PgDn, Home/End move the selection; so do a
/// press of the left button on a row (that row) and the wheel (a row per notch, as the arrows).
/// </summary>
/// <remarks>
/// Drawn through a <see cref="CellCanvas"/> rather than Terminal.Gui's TableView: TableView rewrites
/// every cell of every row three times per draw (clear, pad, text), 2.7 ms and 2.9 MB of garbage for
/// 80×8 cells, once a second while an uptime ticks. Here only the changed cells reach Terminal.Gui.
/// </remarks>
internal sealed class ProcessTableView : CanvasView
{
    private const int HeaderRows = 2;
    private static readonly HashSet<int> RightAligned = [2, 4, 5, 6];
    private static readonly Dictionary<int, int> MaxWidths = new() { [1] = 28 };

    private readonly StateGlyphs _glyphs;
    private ProcessTableSource? _source;
    private int _selected;
    private int _offset;

    public ProcessTableView(StateGlyphs glyphs)
    {
        _glyphs = glyphs;
        CanFocus = true;
        HasFocusChanged += (_, _) => SetNeedsDraw(); // the bar's colour says whether the table has the keys
        AddCommand(Command.Up, () => MoveBy(-1));
        AddCommand(Command.Down, () => MoveBy(1));
        AddCommand(Command.PageUp, () => MoveBy(-Math.Max(1, BodyRows - 1)));
        AddCommand(Command.PageDown, () => MoveBy(Math.Max(1, BodyRows - 1)));
        AddCommand(Command.Start, () => MoveBy(int.MinValue / 2));
        AddCommand(Command.End, () => MoveBy(int.MaxValue / 2));
        KeyBindings.Add(Key.CursorUp, Command.Up);
        KeyBindings.Add(Key.CursorDown, Command.Down);
        KeyBindings.Add(Key.PageUp, Command.PageUp);
        KeyBindings.Add(Key.PageDown, Command.PageDown);
        KeyBindings.Add(Key.Home, Command.Start);
        KeyBindings.Add(Key.End, Command.End);
    }

    /// <summary>Raised when the user moves the selection.</summary>
    public event EventHandler? SelectionMoved;

    /// <summary>The selected row, or -1 when the table is empty.</summary>
    public int SelectedRow => _source is { Rows: > 0 } ? _selected : -1;

    public IReadOnlyList<ProcessLine> Lines => _source?.Lines ?? [];

    private int BodyRows => Math.Max(0, Viewport.Height - HeaderRows);

    /// <summary>New cells; the selection stays on <paramref name="selectedRow"/> (clamped to the rows).</summary>
    public void Show(ProcessTableSource source, int selectedRow)
    {
        _source = source;
        _selected = Math.Clamp(selectedRow, 0, Math.Max(0, source.Rows - 1));
        KeepSelectionInView();
        SetNeedsDrawIfChanged(); // a sample a second: mostly the same cells
    }

    /// <summary>Moves the selection to <paramref name="row"/> (by program: no event).</summary>
    public void SelectRow(int row)
    {
        _selected = Math.Clamp(row, 0, Math.Max(0, (_source?.Rows ?? 1) - 1));
        KeepSelectionInView();
        SetNeedsDraw();
    }

    /// <summary>
    /// A press on a row selects it (a descendant's row too, as the arrows would) and gives the table the
    /// keyboard; a press on the heading only gives it the keyboard. The wheel moves the selection a row per notch.
    /// </summary>
    protected override bool OnMouseEvent(Mouse mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);
        if (MouseGesture.WheelNotch(mouse) is var notch and not 0)
        {
            _ = MoveBy(notch);
            return true;
        }

        if (!MouseGesture.IsLeftPress(mouse) || mouse.Position is not { } at)
        {
            return false;
        }

        SetFocus();
        int row = _offset + at.Y - HeaderRows;
        if (at.Y >= HeaderRows && row < (_source?.Rows ?? 0))
        {
            _ = MoveBy(row - _selected);
        }

        return true;
    }

    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        KeepSelectionInView();
    }

    protected override void Render(CellCanvas canvas)
    {
        if (_source is not { } source || canvas.Width == 0)
        {
            return;
        }

        int[] widths = ColumnWidths(source, canvas.Width);
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        Attribute bar = GetAttributeForRole(HasFocus ? VisualRole.Focus : VisualRole.Active);
        Attribute header = Roles.Attribute(Roles.Hint, this);
        DrawRow(canvas, 0, widths, c => source.ColumnNames[c], _ => header, header);
        DrawUnderline(canvas, widths, normal);
        for (int r = 0; r < BodyRows && _offset + r < source.Rows; r++)
        {
            int row = _offset + r;
            bool selected = row == _selected;
            Attribute rowAttribute = selected ? bar : normal;
            Scheme state = StateScheme(source.Lines[row]);
            Attribute stateAttribute = state.GetAttributeForRole(selected ? (HasFocus ? VisualRole.Focus : VisualRole.Active) : VisualRole.Normal);
            DrawRow(canvas, HeaderRows + r, widths, c => source[row, c]?.ToString() ?? "",
                c => c == ProcessTableSource.StateColumn ? stateAttribute : rowAttribute, rowAttribute);
        }
    }

    private void DrawRow(CellCanvas canvas, int y, int[] widths, Func<int, string> text, Func<int, Attribute> attribute, Attribute fill)
    {
        canvas.Fill(0, y, canvas.Width, ' ', fill);
        int x = 0;
        for (int c = 0; c < widths.Length && x < canvas.Width; c++)
        {
            if (c > 0)
            {
                canvas.Write(x++, y, _glyphs.Separator, fill);
            }

            string cell = text(c);
            int pad = RightAligned.Contains(c) ? Math.Max(0, widths[c] - cell.GetColumns()) : 0;
            canvas.Write(x + pad, y, cell, attribute(c), widths[c] - pad);
            x += widths[c];
        }
    }

    private void DrawUnderline(CellCanvas canvas, int[] widths, Attribute attribute)
    {
        bool ascii = _glyphs.Separator == "|";
        canvas.Fill(0, 1, canvas.Width, ascii ? '-' : '─', attribute);
        int x = 0;
        for (int c = 0; c < widths.Length - 1; c++)
        {
            x += widths[c];
            canvas.Fill(x++, 1, 1, ascii ? '+' : '┼', attribute);
        }
    }

    /// <summary>Each column as wide as its widest cell (all rows, so widths do not jump while scrolling); the last takes the rest.</summary>
    private static int[] ColumnWidths(ProcessTableSource source, int width)
    {
        int[] widths = new int[source.Columns];
        for (int c = 0; c < source.Columns; c++)
        {
            int w = source.ColumnNames[c].GetColumns();
            for (int r = 0; r < source.Rows; r++)
            {
                w = Math.Max(w, (source[r, c]?.ToString() ?? "").GetColumns());
            }

            widths[c] = MaxWidths.TryGetValue(c, out int max) ? Math.Min(w, max) : w;
        }

        int used = widths.Sum() + widths.Length - 1;
        widths[^1] = Math.Max(widths[^1], widths[^1] + width - used);
        return widths;
    }

    private Scheme StateScheme(ProcessLine line) =>
        Roles.Scheme(line.Descendant is { } d ? Roles.For(d.State) : Roles.For(line.Worker.State, line.Worker.Exit, line.Worker.Shown.Queued), this);

    private bool? MoveBy(int delta)
    {
        if (_source is not { Rows: > 0 } source)
        {
            return true;
        }

        int target = (int)Math.Clamp((long)_selected + delta, 0, source.Rows - 1);
        if (target != _selected)
        {
            _selected = target;
            KeepSelectionInView();
            SetNeedsDraw();
            SelectionMoved?.Invoke(this, EventArgs.Empty);
        }

        return true;
    }

    private void KeepSelectionInView()
    {
        int rows = Math.Max(1, BodyRows);
        int count = _source?.Rows ?? 0;
        int lowest = Math.Max(0, _selected - rows + 1), highest = Math.Max(lowest, Math.Min(_selected, Math.Max(0, count - rows)));
        _offset = Math.Clamp(_offset, lowest, highest);
    }
}
