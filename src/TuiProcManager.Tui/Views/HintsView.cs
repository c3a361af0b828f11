using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Views;

/// <summary>The bottom line: the keys, shortest form first so that they fit in 80 columns.</summary>
internal sealed class HintsView : CanvasView
{
    internal const string Text80 = "s/c spawn x cmd p pause j/J join k/K stop o merge / find t theme ? help q quit";

    public HintsView()
    {
        Height = 1;
        CanFocus = false;
    }

    protected override void Render(CellCanvas canvas) =>
        canvas.WritePadded(0, 0, " " + Text80, Roles.Attribute(Roles.Hint, this), canvas.Width);
}
