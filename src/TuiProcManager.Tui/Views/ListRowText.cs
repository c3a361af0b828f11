using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TuiProcManager.Tui.Views;

/// <summary>What the text list sources share: one row of text, scrolled left by the list's viewport, clipped and padded to the width.</summary>
internal static class ListRowText
{
    /// <summary>Draws <paramref name="text"/> at the list's current position (the caller moved there and set the attribute).</summary>
    public static void Draw(ListView listView, string text, int viewportX, int width)
    {
        string visible = viewportX < text.Length ? text[viewportX..] : "";
        string clipped = TextFormatter.ClipAndJustify(visible, width, Alignment.Start);
        listView.AddStr(clipped);
        for (int w = clipped.GetColumns(); w < width; w++)
        {
            listView.AddRune(' ');
        }
    }
}
