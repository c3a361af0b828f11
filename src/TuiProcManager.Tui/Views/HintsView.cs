using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Views;

/// <summary>The bottom line: the keys, shortest form first so that they fit in 80 columns.</summary>
internal sealed class HintsView : View
{
    internal const string Text80 = "s/c spawn x cmd p pause j/J join k/K stop o merge / find t theme ? help q quit";

    public HintsView()
    {
        Height = 1;
        CanFocus = false;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        SetAttribute(Roles.Attribute(Roles.Hint, this));
        AddStr(0, 0, TextFormatter.ClipAndJustify(" " + Text80, Viewport.Width, Alignment.Start).PadRight(Viewport.Width));
        return true;
    }
}
