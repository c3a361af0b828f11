using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Views.Drawing;

/// <summary>
/// A framed panel of wrapped lines that scroll (a <see cref="SummaryView"/>): the run summary, the Pool
/// panel, the lab panel, Explain. It takes the keyboard (Tab) so that its lines can be scrolled.
/// </summary>
internal abstract class LinesPanel : PanelView
{
    protected LinesPanel(StateGlyphs glyphs)
        : base(glyphs)
    {
        CanFocus = true;
        Ascii = glyphs == StateGlyphs.Ascii;
        LinesView = new SummaryView(Ascii);
        SetContent(LinesView);
    }

    /// <summary>Only ASCII in what the panel adds (the Linux console).</summary>
    protected bool Ascii { get; }

    /// <summary>The lines.</summary>
    protected SummaryView LinesView { get; }

    /// <summary>Gives the panel the keyboard (to scroll it).</summary>
    public void FocusLines() => LinesView.SetFocus();
}
