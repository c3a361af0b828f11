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
/// The CPU panel's drawing: the selected worker's CPU over the last minute as a sparkline (its own process
/// and its descendants; 100% is one core, so a worker pinning two cores reaches 200%), then one bar per
/// core of the machine: one busy worker fills one bar, two fill both.
/// </summary>
internal sealed class CpuView : CanvasView
{
    private const string Blocks = "▁▂▃▄▅▆▇█";
    private const string AsciiBlocks = "._-=+*#@";

    private readonly CpuModel _model;
    private readonly Func<WorkerId, string> _names;
    private readonly bool _ascii;

    public CpuView(CpuModel model, Func<WorkerId, string> names, bool ascii)
    {
        _model = model;
        _names = names;
        _ascii = ascii;
        CanFocus = false;
    }

    public WorkerId? Selected { get; set; }

    protected override void Render(CellCanvas canvas)
    {
        int width = canvas.Width, height = canvas.Height;
        if (width < 8 || height < 1)
        {
            return;
        }

        int coreRows = Math.Min(_model.Cores.Length, Math.Max(1, height / 2));
        int graphRows = Math.Max(0, height - 1 - coreRows);
        BoundedRing<double>? history = Selected is { } id ? _model.For(id) : null;
        double latest = history is { Count: > 0 } ? history[history.Count - 1] : 0;
        string title = Selected is not { } w ? "no worker selected"
            : _model.HasEnded(w) ? string.Create(CultureInfo.InvariantCulture, $"{w} {_names(w)}: ended, 0%")
            : string.Create(CultureInfo.InvariantCulture, $"{w} {_names(w)}: {Format.Percent(latest)}% (100% = 1 core)");
        canvas.Write(0, 0, title, GetAttributeForRole(VisualRole.Normal));
        DrawGraph(canvas, history, 1, graphRows);
        DrawCores(canvas, 1 + graphRows, coreRows);
    }

    private void DrawGraph(CellCanvas canvas, BoundedRing<double>? history, int top, int rows)
    {
        int width = canvas.Width;
        Attribute running = Roles.Marks(Roles.Running, this);
        for (int r = 0; r < rows; r++)
        {
            canvas.Fill(0, top + r, width, ' ', running);
        }

        if (history is null || history.Count == 0 || rows == 0)
        {
            return;
        }

        double[] data = history.ToArray();
        double scale = Math.Max(100, data.Max());
        string blocks = _ascii ? AsciiBlocks : Blocks;
        int shown = Math.Min(width, data.Length);
        for (int i = 0; i < shown; i++)
        {
            double value = data[data.Length - shown + i];
            int eighths = (int)Math.Round(Math.Clamp(value / scale, 0, 1) * rows * 8);
            for (int r = 0; r < rows; r++)
            {
                int fill = eighths - ((rows - 1 - r) * 8);
                if (fill > 0)
                {
                    canvas.Fill(width - shown + i, top + r, 1, fill >= 8 ? blocks[7] : blocks[fill - 1], running);
                }
            }
        }
    }

    private void DrawCores(CellCanvas canvas, int top, int rows)
    {
        int width = canvas.Width;
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        Attribute running = Roles.Marks(Roles.Running, this);
        Attribute hint = Roles.Attribute(Roles.Hint, this);
        int shown = Math.Min(rows, _model.Cores.Length);
        for (int i = 0; i < shown; i++)
        {
            double busy = _model.Cores[i];
            bool last = i == shown - 1 && shown < _model.Cores.Length;
            string label = last ? $"+{_model.Cores.Length - i} " : string.Create(CultureInfo.InvariantCulture, $"cpu{i} ");
            string percent = string.Create(CultureInfo.InvariantCulture, $" {busy,3:0}%");
            int barWidth = Math.Max(0, width - label.Length - percent.Length);
            int filled = (int)Math.Round(busy / 100 * barWidth);
            int x = canvas.Write(0, top + i, label, normal);
            canvas.Fill(x, top + i, filled, _ascii ? '#' : '█', running);
            canvas.Fill(x + filled, top + i, barWidth - filled, _ascii ? '.' : '░', hint);
            canvas.Write(x + barWidth, top + i, percent, normal);
        }
    }
}
