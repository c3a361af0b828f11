using System.Diagnostics;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// Pinned bug: typing into a dialog field was quadratic (Terminal.Gui 2.5.0's TextField):
/// 400 characters took 2.5 s, 800 took 13.2 s, 3,000 froze the UI for minutes, deaf to Ctrl+C and signals;
/// a 128 KiB paste into the x dialog (which says it accepts up to 128 KiB) never appeared.
/// </summary>
public sealed class InputTimeTests
{
    /// <summary>Generous for a loaded machine: measured 0.5 s (bracketed) and 1.4 s (keystrokes) in a Debug build.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("x", "Run a command", true)]
    [InlineData("x", "Run a command", false)]
    [InlineData("s", "Spawn square N", true)]
    public void Paste_Of128KiB_IntoADialogField_ShowsAtOnce_AndTheAppAnswersAKeyAfter(string key, string dialog, bool bracketed)
    {
        using TmuxApp app = TmuxApp.Start([]);
        app.Keys(key);
        app.WaitFor(dialog, TimeSpan.FromSeconds(15));
        string text = string.Concat(Enumerable.Repeat("abcdefghij", 128 * 1024 / 10)) + "ENDMARK";

        Stopwatch watch = Stopwatch.StartNew();
        app.Paste(text, bracketed);
        app.WaitFor("ghijENDMARK", Bound); // the field shows the tail, cursor at the end
        TimeSpan shown = watch.Elapsed;

        app.Keys("Escape");
        app.WaitUntil(s => !s.Contains(dialog, StringComparison.Ordinal), "the dialog closed by Esc", Bound);
        Assert.InRange(shown, TimeSpan.Zero, Bound);
        Assert.False(app.HasExited(out _));
    }
}
