using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The Run summary panel: makespan, each worker's running, waiting and queued time, and the estimates for
/// one after another and all at once (<see cref="Core.Scheduling.RunSummary.ToLines"/>). It takes the
/// Output panel's place while shown: at once when a pause-on-wait run ends, and with <c>S</c>.
/// </summary>
internal sealed class SummaryPanel : PanelView
{
    private readonly SummaryView _view;

    public SummaryPanel(StateGlyphs glyphs)
        : base(glyphs)
    {
        CanFocus = true;
        _view = new SummaryView(ascii: glyphs == StateGlyphs.Ascii);
        SetContent(_view);
        Title = "Run summary";
    }

    /// <summary>Shows <paramref name="lines"/>; <paramref name="soFar"/> for a run still going; from the top if <paramref name="fromTop"/>.</summary>
    public void Show(IReadOnlyList<string> lines, bool soFar, bool fromTop)
    {
        _view.Show(lines, fromTop);
        Title = soFar ? "Run summary so far · S: output" : "Run summary · S: output";
    }

    /// <summary>Gives the summary the keyboard (to scroll it).</summary>
    public void FocusSummary() => _view.SetFocus();
}
