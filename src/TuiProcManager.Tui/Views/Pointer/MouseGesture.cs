using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace TuiProcManager.Tui.Views.Pointer;

/// <summary>
/// What a mouse event means to the panels: a press of the left button, a double click, a notch of the wheel;
/// and the scroll a notch gives a text list.
/// </summary>
/// <remarks>
/// Terminal.Gui 2.5.0 reports a press, then (the button held and moved, with any-event tracking) presses with
/// <see cref="MouseFlags.PositionReport"/>, then a release and a click it makes up itself (a double click on the
/// second release within 500 ms). A press is acted on, not the click: the row is selected as the button goes
/// down, as in htop, and a drag that starts on a row still selected it.
/// </remarks>
internal static class MouseGesture
{
    /// <summary>Lines a text list (the output, results, summary, pool, lab and Explain panels) scrolls per notch of the wheel.</summary>
    public const int LinesPerNotch = 3;

    /// <summary>The left button went down (not a move with it held).</summary>
    public static bool IsLeftPress(Mouse mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);
        return mouse.Flags.HasFlag(MouseFlags.LeftButtonPressed) && !mouse.Flags.HasFlag(MouseFlags.PositionReport);
    }

    /// <summary>The left button was clicked twice in a row, in the same place.</summary>
    public static bool IsLeftDoubleClick(Mouse mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);
        return mouse.Flags.HasFlag(MouseFlags.LeftButtonDoubleClicked);
    }

    /// <summary>-1 for a notch of the wheel up, +1 down, 0 for anything else (a horizontal wheel too).</summary>
    public static int WheelNotch(Mouse mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);
        return mouse.Flags.HasFlag(MouseFlags.WheeledUp) ? -1 : mouse.Flags.HasFlag(MouseFlags.WheeledDown) ? 1 : 0;
    }

    /// <summary>From now on the wheel over <paramref name="list"/> scrolls it (<see cref="Scroll"/>), and nothing else.</summary>
    public static void ScrollOnWheel(ListView list)
    {
        ArgumentNullException.ThrowIfNull(list);
        list.MouseEvent += (_, mouse) =>
        {
            if (WheelNotch(mouse) is var notch and not 0)
            {
                Scroll(list, notch);
                mouse.Handled = true;
            }
        };
    }

    /// <summary>
    /// Scrolls <paramref name="list"/> by <paramref name="notch"/> × <see cref="LinesPerNotch"/> lines, within
    /// its lines: the same viewport move as PgUp/PgDn make, so a list that follows its tail stops following
    /// once scrolled up and follows again once scrolled back to the bottom.
    /// </summary>
    public static void Scroll(ListView list, int notch)
    {
        ArgumentNullException.ThrowIfNull(list);
        int count = list.Source?.Count ?? 0;
        int bottom = Math.Max(0, count - list.Viewport.Height);
        list.Viewport = list.Viewport with { Y = Math.Clamp(list.Viewport.Y + (notch * LinesPerNotch), 0, bottom) };
    }
}
