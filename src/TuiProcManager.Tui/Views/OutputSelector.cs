using System.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Views;
using TuiProcManager.Tui.Models;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The output panel's selection for a copy, line by line: by keyboard (<see cref="Start"/> at the current
/// line, then <see cref="TakeKey"/>: arrows, PgUp/PgDn, Home/End move its end, y or Enter copies, Esc or v cancels)
/// or by a drag of the mouse's left button over the lines, which copies on release. UI thread only.
/// </summary>
/// <remarks>
/// <para>
/// Lines go on arriving meanwhile: the selection holds absolute line numbers (<see cref="LineSelection"/>),
/// so it stays on the same text while the scrollback evicts old lines; the panel stops following the tail
/// while a selection is open, so the text under it does not scroll away.
/// </para>
/// <para>
/// A press alone selects nothing (a click stays the list's); the first motion with the button held starts
/// the drag at the pressed line. The list grabs the mouse from the press to the release, so a drag that
/// leaves the panel goes on (above or below it, the lines scroll one per motion) and its release is seen.
/// </para>
/// </remarks>
internal sealed class OutputSelector
{
    private readonly ListView _list;
    private readonly OutputListSource _source;
    private LineSelection? _selection;
    private long? _pressedLine; // the left button went down on this absolute line; no drag yet
    private bool _dragging;

    public OutputSelector(ListView list, OutputListSource source)
    {
        _list = list;
        _source = source;
        _source.Selected = () => _selection?.Range(Evicted, _source.Count);
        _list.MouseEvent += OnMouse;
    }

    /// <summary>Takes the selected lines' text when a selection is copied (y, Enter, or a drag's release).</summary>
    public Action<IReadOnlyList<string>>? Copy { get; set; }

    /// <summary>True while a selection is open (by keyboard or a drag).</summary>
    public bool Active => _selection is not null;

    /// <summary>The selected indices, or null.</summary>
    public (int First, int Last)? Range => _selection?.Range(Evicted, _source.Count);

    private long Evicted => _source.Lines.Evicted;

    /// <summary>
    /// Opens a selection at the current line: the selected one (a search's match), else the last one in view.
    /// False when there is no line to select.
    /// </summary>
    public bool Start()
    {
        int count = _source.Count;
        if (count == 0)
        {
            return false;
        }

        Rectangle viewport = _list.Viewport;
        int line = _list.SelectedItem is { } s && s < count ? s : Math.Clamp(viewport.Y + viewport.Height - 1, 0, count - 1);
        _selection = new LineSelection(Evicted + line);
        _list.SelectedItem = null; // one highlight: the selection's
        _list.SetNeedsDraw();
        return true;
    }

    /// <summary>Closes the selection (and a drag) without copying.</summary>
    public void Cancel()
    {
        _selection = null;
        EndDrag();
        _list.SetNeedsDraw();
    }

    /// <summary>A key while a selection is open (not during a drag); false for a key that is not the selection's.</summary>
    public bool TakeKey(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_selection is not { } selection || _dragging)
        {
            return false;
        }

        int count = _source.Count;
        int page = Math.Max(1, _list.Viewport.Height - 1);
        if (key == Key.Esc || key.AsGrapheme == "v")
        {
            Cancel();
        }
        else if (key == Key.Enter || key.AsGrapheme == "y")
        {
            CopySelected();
        }
        else if (Step(key, page) is { } step)
        {
            selection.MoveBy(step, Evicted, count);
            ShowCursor(selection);
        }
        else if (key == Key.Home || key == Key.End)
        {
            selection.MoveTo(key == Key.Home ? Evicted : Evicted + count - 1, Evicted, count);
            ShowCursor(selection);
        }
        else
        {
            return false;
        }

        return true;
    }

    private static int? Step(Key key, int page) =>
        key == Key.CursorUp ? -1
        : key == Key.CursorDown ? 1
        : key == Key.PageUp ? -page
        : key == Key.PageDown ? page
        : null;

    private void OnMouse(object? sender, Mouse mouse)
    {
        Point at = _list.ScreenToViewport(mouse.ScreenPosition);
        Rectangle viewport = _list.Viewport;
        int count = _source.Count;
        bool motion = mouse.Flags.HasFlag(MouseFlags.PositionReport);
        if (mouse.Flags.HasFlag(MouseFlags.LeftButtonPressed) && !motion)
        {
            int line = viewport.Y + at.Y;
            if (at.Y >= 0 && at.Y < viewport.Height && line < count)
            {
                _pressedLine = Evicted + line;
                _list.App?.Mouse.GrabMouse(_list);
            }

            return; // a click stays the list's
        }

        if (mouse.Flags.HasFlag(MouseFlags.LeftButtonPressed) && _pressedLine is { } pressed)
        {
            if (!_dragging)
            {
                _dragging = true;
                _selection = new LineSelection(pressed);
                _list.SelectedItem = null;
            }

            if (at.Y < 0 || at.Y >= viewport.Height)
            {
                int y = Math.Clamp(viewport.Y + (at.Y < 0 ? -1 : 1), 0, Math.Max(0, count - viewport.Height));
                _list.Viewport = viewport with { Y = y };
                viewport = _list.Viewport;
            }

            _selection!.MoveTo(Evicted + viewport.Y + Math.Clamp(at.Y, 0, viewport.Height - 1), Evicted, count);
            _list.SetNeedsDraw();
            mouse.Handled = true;
        }
        else if (mouse.Flags.HasFlag(MouseFlags.LeftButtonReleased) && _pressedLine is not null)
        {
            bool dragged = _dragging;
            EndDrag();
            if (dragged)
            {
                mouse.Handled = true;
                CopySelected();
            }
        }
    }

    private void EndDrag()
    {
        if (_pressedLine is not null && _list.App?.Mouse is { } app && app.IsGrabbed(_list))
        {
            app.UngrabMouse();
        }

        _pressedLine = null;
        _dragging = false;
    }

    private void CopySelected()
    {
        (int First, int Last)? range = Range;
        _selection = null;
        _list.SetNeedsDraw();
        if (range is { } r)
        {
            Copy?.Invoke([.. Enumerable.Range(r.First, r.Last - r.First + 1).Select(_source.CopyText)]);
        }
        else
        {
            Copy?.Invoke([]); // every selected line fell out of the scrollback meanwhile
        }
    }

    /// <summary>Scrolls the list just enough to show the selection's moving end.</summary>
    private void ShowCursor(LineSelection selection)
    {
        int cursor = selection.CursorIndex(Evicted, _source.Count);
        Rectangle viewport = _list.Viewport;
        int y = cursor < viewport.Y ? cursor : cursor >= viewport.Y + viewport.Height ? cursor - viewport.Height + 1 : viewport.Y;
        _list.Viewport = viewport with { Y = Math.Max(0, y) };
        _list.SetNeedsDraw();
    }
}
