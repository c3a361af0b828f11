using System.Drawing;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TuiProcManager.Tui.Views.Pointer;

/// <summary>
/// Dragging the borders between the main window's panels with the left button: the line between the Processes
/// panel and the middle row (either of its two border rows) sets the Processes panel's height, the line between
/// the middle row and the Output panel's place sets the middle row's, the line between States and CPU sets the
/// States panel's width. The sizes go to <see cref="PanelSizes"/>, which keeps every panel at its minimum.
/// </summary>
/// <remarks>
/// <para>
/// Taken at the application level (<see cref="IMouse.MouseEvent"/>), before any view: once a press lands on a
/// border, every report until the button is released is the drag's, wherever the pointer goes (the terminal
/// reports motion with the button held: any-event tracking, 1003, which Terminal.Gui 2.5.0 turns on), and no
/// panel sees them. A press anywhere else is left to the panels.
/// </para>
/// <para>UI thread only. Only while the window is on top (a dialog's own clicks are the dialog's) and its panels are shown.</para>
/// </remarks>
internal sealed class BorderDrag
{
    private readonly Runnable _window;
    private readonly PanelSizes _sizes;
    private readonly View _processes;
    private readonly View _states;
    private readonly View _cpu;
    private readonly Func<int> _bottom;
    private readonly Action _relayout;
    private Drag? _drag;

    /// <param name="window">The main window, whose subviews the panels are (their frames are in its coordinates, the screen's).</param>
    /// <param name="sizes">Where the sizes go.</param>
    /// <param name="processes">The Processes panel.</param>
    /// <param name="states">The States panel, left in the middle row.</param>
    /// <param name="cpu">The CPU panel, right in the middle row.</param>
    /// <param name="bottom">The row below the lowest panel (the key bar's).</param>
    /// <param name="relayout">Lays the window out again with the new sizes.</param>
    public BorderDrag(Runnable window, PanelSizes sizes, View processes, View states, View cpu, Func<int> bottom, Action relayout)
    {
        _window = window;
        _sizes = sizes;
        _processes = processes;
        _states = states;
        _cpu = cpu;
        _bottom = bottom;
        _relayout = relayout;
        window.IsRunningChanged += (_, e) =>
        {
            if (window.App is not { } app)
            {
                return;
            }

            if (e.Value)
            {
                app.Mouse.MouseEvent += OnMouse;
            }
            else
            {
                app.Mouse.MouseEvent -= OnMouse;
            }
        };
    }

    /// <summary>Which border a drag moves.</summary>
    private enum Line
    {
        ProcessesBottom,
        MiddleBottom,
        StatesRight,
    }

    /// <summary>A drag under way: the border, where the press was, the size then.</summary>
    private sealed record Drag(Line Line, Point From, int Size);

    private void OnMouse(object? sender, Mouse mouse)
    {
        if (mouse.Handled)
        {
            return;
        }

        if (_drag is { } drag)
        {
            mouse.Handled = true;
            if (mouse.Flags.HasFlag(MouseFlags.LeftButtonPressed))
            {
                Move(drag, mouse.ScreenPosition);
            }
            else if (!mouse.Flags.HasFlag(MouseFlags.PositionReport))
            {
                _drag = null; // released (or another button): the sizes stay as they are
            }

            return;
        }

        if (MouseGesture.IsLeftPress(mouse) && _window.App?.TopRunnableView == _window && _processes.Visible && LineAt(mouse.ScreenPosition) is { } line)
        {
            _drag = new Drag(line, mouse.ScreenPosition, line == Line.StatesRight ? _states.Frame.Width : line == Line.ProcessesBottom ? _processes.Frame.Height : _states.Frame.Height);
            mouse.Handled = true;
        }
    }

    /// <summary>The border at <paramref name="at"/>: either of the two border rows (or columns) that meet there.</summary>
    private Line? LineAt(Point at)
    {
        Rectangle processes = _processes.Frame, states = _states.Frame, cpu = _cpu.Frame;
        bool inMiddleWidth = at.X >= states.X && at.X < cpu.Right;
        if (at.X >= processes.X && at.X < processes.Right && (at.Y == processes.Bottom - 1 || at.Y == states.Y))
        {
            return Line.ProcessesBottom;
        }

        if (inMiddleWidth && (at.Y == states.Bottom - 1 || at.Y == states.Bottom))
        {
            return Line.MiddleBottom;
        }

        return at.Y > states.Y && at.Y < states.Bottom - 1 && (at.X == states.Right - 1 || at.X == cpu.X) ? Line.StatesRight : null;
    }

    private void Move(Drag drag, Point to)
    {
        int height = _window.Viewport.Height, room = _bottom() - _processes.Frame.Y;
        _ = drag.Line switch
        {
            Line.ProcessesBottom => _sizes.ResizeProcesses(drag.Size + to.Y - drag.From.Y, height, room),
            Line.MiddleBottom => _sizes.ResizeMiddle(drag.Size + to.Y - drag.From.Y, height, room),
            _ => _sizes.ResizeStates(drag.Size + to.X - drag.From.X, _states.Frame.Width + _cpu.Frame.Width),
        };
        _relayout();
    }
}
