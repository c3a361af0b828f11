using Terminal.Gui.Drivers;

namespace TuiProcManager.Tui.Hosting;

/// <summary>Terminal.Gui's ANSI output, without re-sending an unchanged cursor every frame.</summary>
/// <remarks>
/// In 2.5.0 the driver's "cursor needs update" flag is set but never cleared, so every main-loop
/// iteration writes "hide cursor" and a cursor move to the terminal: over SSH, a packet per frame while
/// nothing changes. This re-implements <see cref="IOutput.SetCursor"/> (the interface method the driver
/// calls) to skip a cursor identical to the last one, unless something was drawn since, which moves the
/// terminal's real cursor.
/// </remarks>
internal sealed class QuietAnsiOutput : AnsiOutput, IOutput
{
    private Cursor? _lastCursor;
    private bool _drawnSinceCursor = true;

    public override void Write(IOutputBuffer buffer)
    {
        _drawnSinceCursor = true;
        base.Write(buffer);
    }

    void IOutput.SetCursor(Cursor cursor)
    {
        if (!_drawnSinceCursor && _lastCursor == cursor)
        {
            return;
        }

        SetCursor(cursor);
        _lastCursor = cursor;
        _drawnSinceCursor = false;
    }
}
