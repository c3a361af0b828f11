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
        }
    }

    private void UnhookKeys()
    {
        if (App is { } app)
        {
            app.Keyboard.KeyDown -= OnKeyDown;
        }
    }

    private void OnKeyDown(object? sender, Key key)
    {
        if (App?.TopRunnableView != this || key.Handled)
        {
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
