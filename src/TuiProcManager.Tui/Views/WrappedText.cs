using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// A message wrapped to the view's width (<see cref="TextWrap"/>), in one colour role: a dialog's error,
/// the first-steps text, the too-small notice. The owner sizes it with <see cref="RowsAt"/>.
/// </summary>
internal sealed class WrappedText : CanvasView
{
    private string _text = "";

    public WrappedText() => CanFocus = false;

    /// <summary>The message (line breaks kept, the rest wrapped).</summary>
    public string Message
    {
        get => _text;
        set
        {
            _text = value ?? "";
            SetNeedsDraw();
        }
    }

    /// <summary>Colour role (<see cref="Theming.Roles"/>), or null for the view's Normal.</summary>
    public string? Role { get; set; }

    /// <summary>Centre each line.</summary>
    public bool Centered { get; init; }

    /// <summary>How many rows the message takes at <paramref name="width"/> columns (0 when empty).</summary>
    public int RowsAt(int width) => _text.Length == 0 ? 0 : TextWrap.Lines(_text, width).Count;

    protected override void Render(CellCanvas canvas)
    {
        if (canvas.Width == 0 || _text.Length == 0)
        {
            return;
        }

        Terminal.Gui.Drawing.Attribute attribute = Role is null ? GetAttributeForRole(VisualRole.Normal) : Theming.Roles.Attribute(Role, this);
        List<string> lines = TextWrap.Lines(_text, canvas.Width);
        for (int r = 0; r < Math.Min(lines.Count, canvas.Height); r++)
        {
            int x = Centered ? Math.Max(0, (canvas.Width - lines[r].GetColumns()) / 2) : 0;
            canvas.Write(x, r, lines[r], attribute);
        }
    }
}
