using Terminal.Gui.App;
using Terminal.Gui.Input;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Hosting;

/// <summary>
/// Whether the UI takes the mouse, and switching the terminal's mouse reports off when it does not: then the
/// terminal's own selection (a drag selects text, the middle button pastes) works as it does outside tuiproc.
/// </summary>
/// <remarks>
/// <para>
/// Terminal.Gui 2.5.0's ANSI driver always asks the terminal for mouse reports: while the application starts
/// (in <c>Init</c>) it writes <c>CSI ?1003h CSI ?1015h CSI ?1006h</c> (any-event tracking, urxvt and SGR
/// coordinates) and has no setting against it; <c>IsMouseDisabled</c> only drops the events it gets. So, after
/// <c>Init</c>, the same modes (and the button-event and normal modes, 1002 and 1000, which some terminals
/// keep apart) are switched off again, and the events are dropped as well, in case a terminal reports anyway.
/// </para>
/// <para>
/// Ctrl+Z (Terminal.Gui's suspend) turns the reports on again when the shell brings the UI back (its resume
/// writes the enable sequence): they are switched off once more as soon as the loop runs after it.
/// Terminal.Gui's own exit, and the terminal's rescue on a signal, switch every mode off in any case.
/// </para>
/// </remarks>
internal static class TerminalMouse
{
    /// <summary>Every mouse mode a terminal may have been asked for, off: SGR, urxvt, any-event, button-event, normal.</summary>
    public const string ReportsOff = "\u001b[?1006l\u001b[?1015l\u001b[?1003l\u001b[?1002l\u001b[?1000l";

    /// <summary>The mouse is the UI's unless <c>--no-mouse</c> was given or the settings say <c>"mouse": false</c>.</summary>
    public static bool Wanted(bool noMouse, UserSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return !noMouse && settings.Mouse != false;
    }

    /// <summary>
    /// Leaves the mouse to the terminal: its reports off, and any that come dropped. Call right after
    /// <c>app.Init()</c>, on the UI thread; for the application's life.
    /// </summary>
    public static void LeaveToTheTerminal(IApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Mouse.IsMouseDisabled = true;
        app.Driver?.WriteRaw(ReportsOff);
        Key suspend = Application.GetDefaultKey(Command.Suspend);
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (key == suspend)
            {
                // Runs in a later turn of the loop than the key, so after the suspend has returned (it blocks
                // until the shell resumes the UI) and written the enable sequence.
                _ = app.AddTimeout(TimeSpan.Zero, () =>
                {
                    app.Driver?.WriteRaw(ReportsOff);
                    return false;
                });
            }
        };
    }
}
