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

    protected override bool OnDrawingContent(DrawContext? context)
    {
        Attribute fill = GetAttributeForRole(VisualRole.Normal);
        CellCanvas canvas = _spare is { } spare && spare.Width == Viewport.Width && spare.Height == Viewport.Height
            ? spare
            : new CellCanvas(Viewport.Width, Viewport.Height, fill, Opaque);
        canvas.Reset(fill, Opaque);
        Render(canvas);
        CellCanvas? shown = _shown is { } s && s.SameSizeAs(canvas) && s.IsShownBy(this) ? s : null;
        LastCellsWritten = canvas.DrawOn(this, shown);
        CellsWritten += LastCellsWritten;
        _spare = _shown;
        _shown = canvas;
        return true;
    }
}
