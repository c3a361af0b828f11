using System.Globalization;
using System.Text;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The CPU panel's drawing: the selected worker's CPU over the last minute as a sparkline (its own process
/// and its descendants; 100% is one core, so a worker pinning two cores reaches 200%), then one bar per
/// core of the machine: one busy worker fills one bar, two fill both.
/// </summary>
internal sealed class CpuView : View
{
    private static readonly Rune[] Blocks = [.. "▁▂▃▄▅▆▇█".EnumerateRunes()];
    private static readonly Rune[] AsciiBlocks = [.. "._-=+*#@".EnumerateRunes()];

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

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int width = Viewport.Width, height = Viewport.Height;
        if (width < 8 || height < 1)
        {
            return true;
        }

        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        int coreRows = Math.Min(_model.Cores.Length, Math.Max(1, height / 2));
        int graphRows = Math.Max(0, height - 1 - coreRows);
        BoundedRing<double>? history = Selected is { } id ? _model.For(id) : null;
        double latest = history is { Count: > 0 } ? history[history.Count - 1] : 0;
        SetAttribute(normal);
        string title = Selected is { } w
            ? string.Create(CultureInfo.InvariantCulture, $"{w} {_names(w)}: {Format.Percent(latest)}% (100% = 1 core)")
            : "no worker selected";
        AddStr(0, 0, Fit(title, width));
        DrawGraph(history, 1, graphRows, width);
        DrawCores(1 + graphRows, coreRows, width);
        return true;
    }

    private void DrawGraph(BoundedRing<double>? history, int top, int rows, int width)
    {
        SetAttribute(Roles.Attribute(Roles.Running, this));
        for (int r = 0; r < rows; r++)
        {
            AddStr(0, top + r, new string(' ', width));
        }

        if (history is null || history.Count == 0 || rows == 0)
        {
            return;
        }

        double[] data = history.ToArray();
        double scale = Math.Max(100, data.Max());
        Rune[] blocks = _ascii ? AsciiBlocks : Blocks;
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
                    AddRune(width - shown + i, top + r, fill >= 8 ? blocks[7] : blocks[fill - 1]);
                }
            }
        }
    }

    private void DrawCores(int top, int rows, int width)
    {
        int shown = Math.Min(rows, _model.Cores.Length);
        for (int i = 0; i < shown; i++)
        {
            double busy = _model.Cores[i];
            bool last = i == shown - 1 && shown < _model.Cores.Length;
            string label = last ? $"+{_model.Cores.Length - i} " : string.Create(CultureInfo.InvariantCulture, $"cpu{i} ");
            string percent = string.Create(CultureInfo.InvariantCulture, $" {busy,3:0}%");
            int barWidth = Math.Max(0, width - label.Length - percent.Length);
            int filled = (int)Math.Round(busy / 100 * barWidth);
            SetAttribute(GetAttributeForRole(VisualRole.Normal));
            AddStr(0, top + i, label);
            SetAttribute(Roles.Attribute(Roles.Running, this));
            AddStr(label.Length, top + i, new string(_ascii ? '#' : '█', filled));
            SetAttribute(Roles.Attribute(Roles.Hint, this));
            AddStr(label.Length + filled, top + i, new string(_ascii ? '.' : '░', barWidth - filled));
            SetAttribute(GetAttributeForRole(VisualRole.Normal));
            AddStr(label.Length + barWidth, top + i, percent);
        }
    }

    private static string Fit(string text, int width) => TextFormatter.ClipAndJustify(text, width, Alignment.Start).PadRight(width);
}
