using System.Drawing;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;

namespace TuiProcManager.Tui.Tests.TestSupport;

/// <summary>Checks on what a dialog shows on the screen (not what it holds): inside the screen, message in full.</summary>
internal static class DialogScreen
{
    /// <summary>The dialog's frame, border and shadow, lies within the screen: nothing cut on either side.</summary>
    public static void AssertInsideScreen(IApplication app, View dialog)
    {
        Rectangle frame = dialog.Frame;
        Size screen = app.Screen.Size;
        Assert.True(frame.X >= 0 && frame.Y >= 0 && frame.Right <= screen.Width && frame.Bottom <= screen.Height, $"the dialog {frame} does not fit the {screen.Width}×{screen.Height} screen:\n{app.Driver!.ToString()}");
    }

    /// <summary>
    /// <paramref name="lines"/> are on the screen on consecutive rows, starting at the same column, inside
    /// <paramref name="dialog"/>'s frame, and together they are <paramref name="message"/> whole.
    /// </summary>
    public static void AssertShownInFull(IApplication app, View dialog, string message, IReadOnlyList<string> lines)
    {
        string screen = app.Driver!.ToString()!;
        Assert.Equal(message.Replace(" ", "", StringComparison.Ordinal), string.Concat(lines).Replace(" ", "", StringComparison.Ordinal));
        string[] rows = screen.Split('\n');
        Rectangle frame = dialog.Frame;
        for (int top = frame.Y; top + lines.Count <= frame.Bottom; top++)
        {
            int col = rows[top].IndexOf(lines[0], StringComparison.Ordinal);
            if (col >= frame.X && Enumerable.Range(1, lines.Count - 1).All(i => rows[top + i].IndexOf(lines[i], StringComparison.Ordinal) == col))
            {
                return;
            }
        }

        Assert.Fail($"'{message}' is not shown whole in the dialog at {frame}; wrapped as:\n{string.Join('\n', lines)}\nscreen:\n{screen}");
    }
}
