using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;

namespace TuiProcManager.Tui.Views;

/// <summary>The CPU panel: the selected worker's CPU over the last minute, and each core's use.</summary>
internal sealed class CpuPanel : FrameView
{
    private readonly CpuView _view;

    public CpuPanel(CpuModel model, Func<WorkerId, string> names, bool ascii)
    {
        Title = "CPU";
        _view = new CpuView(model, names, ascii) { Width = Dim.Fill(), Height = Dim.Fill() };
        Add(_view);
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

    public void Refresh() => _view.SetNeedsDraw();
}
