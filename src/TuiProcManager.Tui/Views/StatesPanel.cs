using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Views;

/// <summary>The States panel: the timeline of every worker's state and the latest transitions.</summary>
internal sealed class StatesPanel : PanelView
{
    private readonly TimelineView _timeline;

    public StatesPanel(TimelineModel model, StateGlyphs glyphs, Func<DateTimeOffset> now)
        : base(glyphs)
    {
        Title = "States";
        _timeline = new TimelineView(model, glyphs, now);
        SetContent(_timeline);
    }

    public WorkerId? Selected
    {
        get => _timeline.Selected;
        set
        {
            _timeline.Selected = value;
            _timeline.SetNeedsDraw();
        }
    }

    public void Refresh() => _timeline.SetNeedsDrawIfChanged();
}
