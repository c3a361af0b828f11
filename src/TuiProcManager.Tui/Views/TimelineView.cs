using System.Globalization;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Terminal.Gui.ViewBase;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The States panel's drawing: one lane per worker, one cell per time slice (newest at the right), each
/// cell the state the worker spent most of that slice in; then a legend and the latest transitions.
/// Workers that ran at the same time show solid cells in the same columns (parallel); workers that took
/// turns show them in alternating columns (concurrent).
/// </summary>
internal sealed class TimelineView : CanvasView
{
    private readonly TimelineModel _model;
    private readonly StateGlyphs _glyphs;
    private readonly Func<DateTimeOffset> _now;

    public TimelineView(TimelineModel model, StateGlyphs glyphs, Func<DateTimeOffset> now)
    {
        _model = model;
        _glyphs = glyphs;
        _now = now;
        CanFocus = false;
    }

    /// <summary>Length of one cell. Default 250 ms: the lesson's steps (a few hundred ms) stay visible.</summary>
    public TimeSpan Slice { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The selected worker, whose lane is highlighted and kept in view.</summary>
    public WorkerId? Selected { get; set; }

    protected override void Render(CellCanvas canvas)
    {
        int width = canvas.Width, height = canvas.Height;
        if (width < 10 || height < 1)
        {
            return;
        }

        int logLines = Math.Min(_model.Log.Count, height >= 4 ? Math.Max(1, height / 3) : 0);
        int laneRows = Math.Max(0, height - logLines - 1);
        int nameWidth = Math.Clamp(width / 4, 8, 18);
        int cells = width - nameWidth - 1;
        DateTimeOffset now = _now();
        IReadOnlyList<Lane> lanes = _model.Lanes;
        int first = FirstVisibleLane(lanes, laneRows);
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        Attribute focus = GetAttributeForRole(VisualRole.Focus);
        for (int row = 0; row < laneRows && first + row < lanes.Count; row++)
        {
            Lane lane = lanes[first + row];
            canvas.WritePadded(0, row, lane.Worker.ToString() + " " + lane.Name, lane.Worker == Selected ? focus : normal, nameWidth);
            canvas.Write(nameWidth, row, _glyphs.Separator, normal);
            ShownState?[] states = TimelineModel.Cells(lane, now, Slice, cells);
            for (int c = 0; c < cells; c++)
            {
                if (states[c] is { } shown && shown.State != WorkerState.Ended)
                {
                    canvas.Fill(nameWidth + 1 + c, row, 1, _glyphs.Cell(shown.State, shown.Queued), Roles.Attribute(Roles.For(shown.State, queued: shown.Queued), this));
                }
            }
        }

        DrawLegend(canvas, laneRows, cells);
        DrawLog(canvas, laneRows + 1, logLines);
    }

    private int FirstVisibleLane(IReadOnlyList<Lane> lanes, int rows)
    {
        if (rows <= 0 || lanes.Count <= rows)
        {
            return 0;
        }

        int selected = Selected is { } id ? lanes.ToList().FindIndex(l => l.Worker == id) : -1;
        return selected < 0 ? lanes.Count - rows : Math.Clamp(selected - (rows / 2), 0, lanes.Count - rows);
    }

    private void DrawLegend(CellCanvas canvas, int row, int cells)
    {
        string span = Format.Duration(Slice * cells);
        string legend = string.Create(CultureInfo.InvariantCulture,
            $"{_glyphs.Running} running  {_glyphs.Waiting} waiting  {_glyphs.Paused} paused  {_glyphs.Queued} queued  {_glyphs.Starting} starting · cell {Slice.TotalMilliseconds:0} ms · last {span}");
        canvas.WritePadded(0, row, legend, Roles.Attribute(Roles.Hint, this), canvas.Width);
    }

    private void DrawLog(CellCanvas canvas, int row, int lines)
    {
        Attribute hint = Roles.Attribute(Roles.Hint, this);
        for (int i = 0; i < lines; i++)
        {
            Transition t = _model.Log[_model.Log.Count - 1 - i]; // newest first
            canvas.Fill(0, row + i, canvas.Width, ' ', hint);
            int x = canvas.Write(0, row + i, $"{Format.Clock(t.At)} {t.Worker} {t.Name} ", hint);
            x = canvas.Write(x, row + i, $"{t.From} → {t.To}", Roles.Attribute(Roles.For(t.To.State, queued: t.To.Queued), this));
            canvas.Write(x, row + i, "  " + t.Why, hint);
        }
    }
}
