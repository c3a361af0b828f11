using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;
using TuiProcManager.Tui.Views.Pointer;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// Lines of text (the run summary's, the Pool panel's), each wrapped at word boundaries to the width (continuations indented under
/// their line); arrows, PgUp/PgDn, Home/End scroll when they do not all fit, and the last row then says
/// how many more there are. The wheel scrolls them too (<see cref="MouseGesture.LinesPerNotch"/> rows a notch).
/// </summary>
internal sealed class SummaryView : CanvasView
{
    private readonly bool _ascii;
    private IReadOnlyList<string> _lines = [];
    private IReadOnlyList<string?>? _roles;
    private int _offset;

    /// <param name="ascii">Only ASCII in what this view adds (the Linux console).</param>
    public SummaryView(bool ascii)
    {
        _ascii = ascii;
        CanFocus = true;
        HasFocusChanged += (_, _) => SetNeedsDraw(); // the more-lines hint says how to scroll
        AddCommand(Command.Up, () => ScrollBy(-1));
        AddCommand(Command.Down, () => ScrollBy(1));
        AddCommand(Command.PageUp, () => ScrollBy(-Math.Max(1, Viewport.Height - 1)));
        AddCommand(Command.PageDown, () => ScrollBy(Math.Max(1, Viewport.Height - 1)));
        AddCommand(Command.Start, () => ScrollBy(int.MinValue / 2));
        AddCommand(Command.End, () => ScrollBy(int.MaxValue / 2));
        KeyBindings.Add(Key.CursorUp, Command.Up);
        KeyBindings.Add(Key.CursorDown, Command.Down);
        KeyBindings.Add(Key.PageUp, Command.PageUp);
        KeyBindings.Add(Key.PageDown, Command.PageDown);
        KeyBindings.Add(Key.Home, Command.Start);
        KeyBindings.Add(Key.End, Command.End);
    }

    /// <summary>New lines; from the top if <paramref name="fromTop"/>, else scrolled as before.</summary>
    /// <param name="lines">The lines.</param>
    /// <param name="fromTop">Scroll back to the top.</param>
    /// <param name="roles">A role per line (null: Normal); without it line 1, the column heads, is a hint.</param>
    public void Show(IReadOnlyList<string> lines, bool fromTop, IReadOnlyList<string?>? roles = null)
    {
        _lines = lines;
        _roles = roles;
        _offset = fromTop ? 0 : _offset;
        SetNeedsDrawIfChanged(); // the run so far, again at every sample
    }

    protected override void Render(CellCanvas canvas)
    {
        if (canvas.Width == 0)
        {
            return;
        }

        List<(string Text, int Line)> rows = Wrap(_lines, canvas.Width);
        _offset = Math.Clamp(_offset, 0, Math.Max(0, rows.Count - canvas.Height));
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        Attribute hint = Roles.Attribute(Roles.Hint, this);
        int below = rows.Count - _offset - canvas.Height;
        int shown = below > 0 ? canvas.Height - 1 : canvas.Height;
        for (int r = 0; r < shown && _offset + r < rows.Count; r++)
        {
            (string text, int line) = rows[_offset + r];
            string? role = _roles is { } roles ? (line < roles.Count ? roles[line] : null) : line == 1 ? Roles.Hint : null; // line 1: the column heads
            canvas.Write(0, r, text, role is null ? normal : role == Roles.Hint ? hint : Roles.Attribute(role, this));
        }

        if (below > 0)
        {
            int more = below + 1;
            string down = _ascii ? "Down" : "↓";
            canvas.Write(0, shown, $"{(_ascii ? "..." : "…")} {more} more line{(more == 1 ? "" : "s")}: {(HasFocus ? down : "Tab here, then " + down)}", hint);
        }
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        int notch = MouseGesture.WheelNotch(mouse);
        return notch != 0 && ScrollBy(notch * MouseGesture.LinesPerNotch) == true;
    }

    /// <summary>Each line cut at spaces to <paramref name="width"/> columns (<see cref="WordWrap"/>); continuations indented two more than their line.</summary>
    internal static List<(string Text, int Line)> Wrap(IReadOnlyList<string> lines, int width) => WordWrap.Wrap(lines, width);

    private bool? ScrollBy(int delta)
    {
        _offset = (int)Math.Clamp((long)_offset + delta, 0, int.MaxValue);
        SetNeedsDraw(); // clamped to the content when drawn
        return true;
    }
}
