using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Views;

/// <summary>The CPU panel: the selected worker's CPU over the last minute, and each core's use.</summary>
internal sealed class CpuPanel : PanelView
{
    private readonly CpuView _view;

    public CpuPanel(CpuModel model, Func<WorkerId, string> names, StateGlyphs glyphs)
        : base(glyphs)
    {
        Title = "CPU";
        _view = new CpuView(model, names, ascii: glyphs == StateGlyphs.Ascii);
        SetContent(_view);
    }

    public WorkerId? Selected
    {
        get => _view.Selected;
        set
        {
            _view.Selected = value;
            _view.SetNeedsDraw();
        }
    }

    public void Refresh() => _view.SetNeedsDrawIfChanged();
}
