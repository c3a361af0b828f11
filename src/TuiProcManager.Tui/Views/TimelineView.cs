using System.Globalization;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The States panel's drawing: one lane per worker, one cell per time slice (newest at the right), each
/// cell the state the worker spent most of that slice in; then a legend and the latest transitions.
/// Workers that ran at the same time show solid cells in the same columns (parallel); workers that took
/// turns show them in alternating columns (concurrent).
/// </summary>
internal sealed class TimelineView : View
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

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int width = Viewport.Width, height = Viewport.Height;
        if (width < 10 || height < 1)
        {
            return true;
        }

        int logLines = Math.Min(_model.Log.Count, height >= 4 ? Math.Max(1, height / 3) : 0);
        int laneRows = Math.Max(0, height - logLines - 1);
        int nameWidth = Math.Clamp(width / 4, 8, 18);
        int cells = width - nameWidth - 1;
        DateTimeOffset now = _now();
        IReadOnlyList<Lane> lanes = _model.Lanes;
        int first = FirstVisibleLane(lanes, laneRows);
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        for (int row = 0; row < laneRows; row++)
        {
            int index = first + row;
            SetAttribute(normal);
            ClearLine(row, width);
            if (index >= lanes.Count)
            {
                continue;
            }

            Lane lane = lanes[index];
            SetAttribute(lane.Worker == Selected ? GetAttributeForRole(VisualRole.Focus) : normal);
            AddStr(0, row, Fit(lane.Worker.ToString() + " " + lane.Name, nameWidth));
            SetAttribute(normal);
            AddRune(nameWidth, row, new System.Text.Rune('│'));
            WorkerState?[] states = TimelineModel.Cells(lane, now, Slice, cells);
            for (int c = 0; c < cells; c++)
            {
                if (states[c] is { } state && state != WorkerState.Ended)
                {
                    SetAttribute(Roles.Attribute(Roles.For(state), this));
                    AddRune(nameWidth + 1 + c, row, new System.Text.Rune(_glyphs.Cell(state)));
                }
            }
        }

        DrawLegend(laneRows, width, cells);
        DrawLog(laneRows + 1, logLines, width);
        return true;
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

    private void DrawLegend(int row, int width, int cells)
    {
        if (row >= Viewport.Height)
        {
            return;
        }

        SetAttribute(Roles.Attribute(Roles.Hint, this));
        ClearLine(row, width);
        string span = Format.Duration(Slice * cells);
        string legend = string.Create(CultureInfo.InvariantCulture,
            $"{_glyphs.Running} running  {_glyphs.Waiting} waiting  {_glyphs.Paused} paused  {_glyphs.Starting} starting · cell {Slice.TotalMilliseconds:0} ms · last {span}");
        AddStr(0, row, Fit(legend, width));
    }

    private void DrawLog(int row, int lines, int width)
    {
        Attribute hint = Roles.Attribute(Roles.Hint, this);
        for (int i = 0; i < lines; i++)
        {
            Transition t = _model.Log[_model.Log.Count - 1 - i]; // newest first
            SetAttribute(hint);
            ClearLine(row + i, width);
            string head = $"{Format.Clock(t.At)} {t.Worker} {t.Name} ";
            AddStr(0, row + i, Fit(head, width));
            int x = Math.Min(width, head.GetColumns());
            SetAttribute(Roles.Attribute(Roles.For(t.To), this));
            string change = $"{Glyphs(t.From)} → {Glyphs(t.To)}";
            AddStr(x, row + i, Fit(change, width - x));
            x = Math.Min(width, x + change.GetColumns());
            SetAttribute(hint);
            AddStr(x, row + i, Fit("  " + t.Why, width - x));
        }
    }

    private static string Glyphs(WorkerState state) => state.ToString().ToLowerInvariant();

    private void ClearLine(int row, int width) => AddStr(0, row, new string(' ', width));

    private static string Fit(string text, int width) =>
        width <= 0 ? "" : TextFormatter.ClipAndJustify(text, width, Alignment.Start).PadRight(width);
}
