using Terminal.Gui.App;
using Terminal.Gui.Input;
using TuiProcManager.Tui.Input;

namespace TuiProcManager.Tui.Views;

internal sealed partial class MainWindow
{
    /// <summary>
    /// Our keys are taken at the application level, before the focused view: only there are plain letters
    /// sure to arrive (a label's or button's underscore hotkey would otherwise win, see the Terminal.Gui
    /// notes). Only while this window is on top: keys typed into a dialog belong to the dialog.
    /// </summary>
    private void HookKeys()
    {
        if (App is { } app)
        {
            app.Keyboard.KeyDown += OnKeyDown;
            app.Iteration += RunLater;
        }
    }

    private void UnhookKeys()
    {
        if (App is { } app)
        {
            app.Keyboard.KeyDown -= OnKeyDown;
            app.Iteration -= RunLater;
        }
    }

    private void OnKeyDown(object? sender, Key key)
    {
        if (key.Handled)
        {
            return;
        }

        if (key == Key.C.WithCtrl)
        {
            key.Handled = true; // the terminal's interrupt: the same in a dialog as here (a text field would copy)
            Do(UiAction.Interrupt);
            return;
        }

        if (App?.TopRunnableView != this)
        {
            return;
        }

        if (key == Application.GetDefaultKey(Command.Quit))
        {
            // Esc closes a dialog; here, where there is none, it does nothing: one Esc too many must not
            // end the session (the quit command itself is caught in OnIsRunningChanging).
            key.Handled = true;
            _header.Say("Esc closes a dialog; q quits");
            return;
        }

        UiAction action = KeyMap.Map(key);
        if (action != UiAction.None)
        {
            key.Handled = true;
            Do(action);
        }
    }
}
