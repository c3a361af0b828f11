using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The Run summary panel: makespan, each worker's running, waiting and queued time, and the estimates for
/// one after another and all at once (<see cref="Core.Scheduling.RunSummary.ToLines"/>). It takes the
/// Output panel's place while shown: at once when a pause-on-wait run ends, and with <c>S</c>.
/// </summary>
internal sealed class SummaryPanel : LinesPanel
{
    public SummaryPanel(StateGlyphs glyphs)
        : base(glyphs)
    {
        Title = "Run summary";
    }

    /// <summary>Shows <paramref name="lines"/>; <paramref name="soFar"/> for a run still going; from the top if <paramref name="fromTop"/>.</summary>
    public void Show(IReadOnlyList<string> lines, bool soFar, bool fromTop)
    {
        LinesView.Show(lines, fromTop);
        Title = soFar ? "Run summary so far · S: output" : "Run summary · S: output";
    }
}
