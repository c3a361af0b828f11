using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiProcManager.Tui.Views.Drawing;

/// <summary>
/// A view that renders itself into a <see cref="CellCanvas"/> and hands Terminal.Gui only the cells that
/// changed since it last drew, when the screen provably still shows that drawing; otherwise every cell.
/// </summary>
/// <remarks>
/// Every cell belongs to the canvas, so Terminal.Gui's clearing of the viewport before drawing is skipped
/// (it would cost as much as the drawing and force a full rewrite). Subclasses implement
/// <see cref="Render"/>, which must paint what it wants shown and may leave the rest as the blank fill.
/// </remarks>
internal abstract class CanvasView : View
{
    private CellCanvas? _shown;
    private CellCanvas? _spare; // the canvas before last, reused: two per view, not one per draw

    /// <summary>Cells written by this view's last draw (for tests).</summary>
    public int LastCellsWritten { get; private set; }

    /// <summary>Cells written by every canvas view so far (UI thread only; for the draw benchmark).</summary>
    internal static long CellsWritten { get; private set; }

    /// <summary>False for a view that paints only some of its cells (the rest belong to views inside it).</summary>
    protected virtual bool Opaque => true;

    /// <summary>Paints the whole view.</summary>
    protected abstract void Render(CellCanvas canvas);

    /// <summary>Never cleared by Terminal.Gui: an opaque view paints every cell, a box's inside is its content view's.</summary>
    protected override bool OnClearingViewport() => true;

    /// <summary>
    /// Marks the view for drawing only if what it would draw now differs from what the screen shows: for
    /// the refreshes that come with every sample (once a second), which mostly change nothing on a screen
    /// of sleeping workers. Terminal.Gui's layout and draw pass over a window with one dirty view cost more
    /// than the view's drawing (region merges, a collection now and then): 1.1 ms a second idle.
    /// </summary>
    /// <remarks>Costs one <see cref="Render"/> into the spare canvas, and a read of the view's screen cells.</remarks>
    public void SetNeedsDrawIfChanged()
    {
        if (NeedsDraw)
        {
            return;
        }

        if (_shown is { } shown && shown.Width == Viewport.Width && shown.Height == Viewport.Height && shown.IsShownBy(this))
        {
            CellCanvas now = RenderAnew();
            _spare = now;
            if (now.SameCellsAs(shown))
            {
                return;
            }
        }

        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        CellCanvas canvas = RenderAnew();
        CellCanvas? shown = _shown is { } s && s.SameSizeAs(canvas) && s.IsShownBy(this) ? s : null;
        LastCellsWritten = canvas.DrawOn(this, shown);
        CellsWritten += LastCellsWritten;
        _spare = _shown;
        _shown = canvas;
        return true;
    }

    /// <summary>The view rendered now, into the spare canvas when it has the view's size.</summary>
    private CellCanvas RenderAnew()
    {
        Attribute fill = GetAttributeForRole(VisualRole.Normal);
        CellCanvas canvas = _spare is { } spare && spare.Width == Viewport.Width && spare.Height == Viewport.Height
            ? spare
            : new CellCanvas(Viewport.Width, Viewport.Height, fill, Opaque);
        canvas.Reset(fill, Opaque);
        Render(canvas);
        return canvas;
    }
}
