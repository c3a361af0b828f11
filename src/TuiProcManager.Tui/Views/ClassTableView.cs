using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Views.Drawing;
using TuiProcManager.Tui.Views.Pointer;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The class view's table: a heading, then a row per session (<see cref="ClassTable"/>), the selected one
/// highlighted and kept in sight; columns as wide as their widest cell, the last one cut at the edge.
/// A press of the left button on a row selects it, a double click on it picks it (<see cref="DoubleClicked"/>,
/// as Enter does), and the wheel moves the selection a row per notch (as the arrows).
/// </summary>
internal sealed class ClassTableView : CanvasView
{
    private IReadOnlyList<ClassRow> _rows = [];
    private IReadOnlyList<IReadOnlyList<string>> _cells = [];
    private int _top;

    /// <summary>The rows, in the order shown.</summary>
    public IReadOnlyList<ClassRow> Rows => _rows;

    /// <summary>The selected row's index, or -1 when there are none.</summary>
    public int Selected { get; private set; } = -1;

    /// <summary>The selected row, or null.</summary>
    public ClassRow? SelectedRow => Selected >= 0 && Selected < _rows.Count ? _rows[Selected] : null;

    /// <summary>Shows <paramref name="rows"/> (ordered already) as of <paramref name="now"/>; the selection follows its session.</summary>
    public void Show(IReadOnlyList<ClassRow> rows, DateTimeOffset now)
    {
        ClassRow? was = SelectedRow;
        _rows = rows;
        _cells = [.. rows.Select(r => ClassTable.Cells(r, now))];
        int again = was is null ? -1 : IndexOf(was);
        Selected = rows.Count == 0 ? -1 : again >= 0 ? again : Math.Clamp(Selected, 0, rows.Count - 1);
        SetNeedsDrawIfChanged();
    }

    /// <summary>Moves the selection by <paramref name="by"/> rows (clamped).</summary>
    public void Move(int by)
    {
        if (_rows.Count == 0)
        {
            return;
        }

        Selected = Math.Clamp(Selected + by, 0, _rows.Count - 1);
        SetNeedsDraw();
    }

    /// <summary>Raised when a row was double-clicked (it is selected by then).</summary>
    public event EventHandler? DoubleClicked;

    /// <inheritdoc />
    protected override bool OnMouseEvent(Mouse mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);
        if (MouseGesture.WheelNotch(mouse) is var notch and not 0)
        {
            Move(notch);
            return true;
        }

        int row = mouse.Position is { } at ? _top + at.Y - 1 : -1; // the heading is the first row
        if (mouse.Position is not { Y: >= 1 } || row >= _rows.Count)
        {
            return false;
        }

        if (MouseGesture.IsLeftPress(mouse))
        {
            SetFocus();
            Move(row - Selected);
            return true;
        }

        if (MouseGesture.IsLeftDoubleClick(mouse) && row == Selected)
        {
            DoubleClicked?.Invoke(this, EventArgs.Empty);
            return true;
        }

        return false;
    }

    /// <summary>Rows that fit below the heading.</summary>
    public int PageRows => Math.Max(1, Viewport.Height - 1);

    /// <inheritdoc />
    protected override void Render(CellCanvas canvas)
    {
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        Attribute heading = GetAttributeForRole(VisualRole.Highlight);
        Attribute selected = GetAttributeForRole(VisualRole.Focus);
        int[] widths = [.. ClassTable.Headings.Select((h, i) => Math.Max(h.GetColumns(), _cells.Select(c => c[i].GetColumns()).DefaultIfEmpty(0).Max()))];
        WriteRow(canvas, 0, ClassTable.Headings, widths, heading);
        if (_rows.Count == 0)
        {
            _ = canvas.Write(0, 1, "no session is shared with you here yet (a student shares one with: tuiproc share NAME --with YOU)", normal);
            return;
        }

        int visible = Math.Max(1, canvas.Height - 1);
        _top = Selected < _top ? Selected : Selected >= _top + visible ? Selected - visible + 1 : Math.Min(_top, Math.Max(0, _rows.Count - visible));
        for (int i = _top; i < Math.Min(_rows.Count, _top + visible); i++)
        {
            WriteRow(canvas, 1 + i - _top, _cells[i], widths, i == Selected ? selected : normal);
        }
    }

    private static void WriteRow(CellCanvas canvas, int y, IReadOnlyList<string> cells, int[] widths, Attribute attribute)
    {
        canvas.Fill(0, y, canvas.Width, ' ', attribute);
        int x = 0;
        for (int i = 0; i < cells.Count && x < canvas.Width; i++)
        {
            // Both return the column after what they wrote; two spaces between columns.
            x = i == cells.Count - 1
                ? canvas.Write(x, y, cells[i], attribute)
                : canvas.WritePadded(x, y, cells[i], attribute, Math.Min(widths[i], canvas.Width - x)) + 2;
        }
    }

    private int IndexOf(ClassRow row)
    {
        for (int i = 0; i < _rows.Count; i++)
        {
            if (_rows[i].Host == row.Host && _rows[i].Student == row.Student && _rows[i].Session == row.Session && _rows[i].Problem is null == row.Problem is null)
            {
                return i;
            }
        }

        return -1;
    }
}
