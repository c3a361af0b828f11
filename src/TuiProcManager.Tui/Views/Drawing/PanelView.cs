using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using TuiProcManager.Tui.Theming;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiProcManager.Tui.Views.Drawing;

/// <summary>
/// A titled box around one content view: the look of a FrameView, drawn through a <see cref="CellCanvas"/>
/// that owns only the border cells.
/// </summary>
/// <remarks>
/// A FrameView re-renders its border (Terminal.Gui's LineCanvas: region merges and a dictionary per draw)
/// every time anything inside it redraws: about half of a refresh's cost once the contents themselves
/// were cheap (measured with the draw benchmark). This box is redrawn only when it changes (a new title,
/// focus, size), and then only the cells that changed.
/// </remarks>
internal class PanelView : CanvasView
{
    private readonly bool _ascii;

    public PanelView(StateGlyphs glyphs)
    {
        _ascii = glyphs.Separator == "|";
        TitleChanged += (_, _) => SetNeedsDraw();
        HasFocusChanged += (_, _) => SetNeedsDraw();
    }

    /// <summary>Adds the content view inside the border.</summary>
    protected void SetContent(View content)
    {
        content.X = 1;
        content.Y = 1;
        content.Width = Dim.Fill(1);
        content.Height = Dim.Fill(1);
        Add(content);
    }

    protected override bool Opaque => false;

    protected override void Render(CellCanvas canvas)
    {
        int w = canvas.Width, h = canvas.Height;
        if (w < 2 || h < 2)
        {
            return;
        }

        Attribute line = GetAttributeForRole(VisualRole.Normal);
        char horizontal = _ascii ? '-' : '─', vertical = _ascii ? '|' : '│';
        canvas.Fill(0, 0, w, horizontal, line);
        canvas.Fill(0, h - 1, w, horizontal, line);
        for (int y = 1; y < h - 1; y++)
        {
            canvas.Fill(0, y, 1, vertical, line);
            canvas.Fill(w - 1, y, 1, vertical, line);
        }

        canvas.Fill(0, 0, 1, _ascii ? '+' : '┌', line);
        canvas.Fill(w - 1, 0, 1, _ascii ? '+' : '┐', line);
        canvas.Fill(0, h - 1, 1, _ascii ? '+' : '└', line);
        canvas.Fill(w - 1, h - 1, 1, _ascii ? '+' : '┘', line);
        if (w > 4 && !string.IsNullOrEmpty(Title))
        {
            canvas.Fill(1, 0, 1, _ascii ? '[' : '┤', line);
            int end = canvas.Write(2, 0, Title, HasFocus ? Roles.Attribute(Roles.Header, this) : line, w - 4);
            canvas.Fill(end, 0, 1, _ascii ? ']' : '├', line);
        }
    }
}
