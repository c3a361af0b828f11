using Terminal.Gui.ViewBase;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The side column: the lab panel (L) and the Explain panel (e) on the right, one above the other when
/// both are shown; the other panels keep the rest of the width. Hidden below 40 columns for the rest.
/// </summary>
internal sealed partial class MainWindow
{
    /// <summary>Fewest columns the main panels keep beside the side column.</summary>
    private const int MainMinimumWidth = 40;

    private bool _labShown;
    private bool _explainShown;

    /// <summary>Whether the lab panel is on screen (for tests).</summary>
    public bool ShowingLab => _lab.Visible;

    /// <summary>Whether the Explain panel is on screen (for tests).</summary>
    public bool ShowingExplain => _explain.Visible;

    /// <summary>Sizes the main panels and the side column for the screen and what the side column shows.</summary>
    private void LayoutSide()
    {
        int width = Viewport.Width;
        int side = !_tooSmall.Visible && (_labShown || _explainShown) ? Math.Clamp(width * 36 / 100, 28, 56) : 0;
        side = width - side < MainMinimumWidth ? 0 : side;
        foreach (View panel in new View[] { _processes, _cpu, _output, _results, _pool, _summary })
        {
            panel.Width = Dim.Fill(side);
        }

        _states.Width = Math.Max(1, (width - side) * 62 / 100);
        _lab.Visible = side > 0 && _labShown;
        _explain.Visible = side > 0 && _explainShown;
        bool both = _explain.Visible && _lab.Visible;
        foreach (View panel in new View[] { _lab, _explain })
        {
            panel.X = width - side;
            panel.Width = side;
        }

        // Between the header (which grows with a long message) and the key hints.
        _lab.Y = Pos.Bottom(_header);
        _lab.Height = both ? Dim.Func(_ => Math.Max(2, Viewport.Height - 1 - _header.Frame.Height) * 55 / 100) : Dim.Fill(1);
        _explain.Y = _lab.Visible ? Pos.Bottom(_lab) : Pos.Bottom(_header);
        _explain.Height = Dim.Fill(1);
    }
}
