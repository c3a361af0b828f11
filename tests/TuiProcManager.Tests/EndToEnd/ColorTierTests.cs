using System.Text.RegularExpressions;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// The colour codes the native app sends to a real terminal (tmux), as an SSH login sets things up: TERM
/// but no COLORTERM. Pins: TERM=xterm-256color over SSH got Terminal.Gui's 16-colour fallback (yellow frames,
/// "waiting" in dark blue on black) instead of the theme; now 256 colours. And --colors 16 sends only the 16
/// basic colours' codes.
/// </summary>
public sealed partial class ColorTierTests
{
    [Fact]
    public void Xterm256color_WithoutColorterm_Sends256ColourCodes()
    {
        string sent = Repaint([]);

        Assert.Matches(Indexed(), sent);
        Assert.DoesNotMatch(Direct(), sent);
        Assert.All(Indexed().Matches(sent), m => Assert.InRange(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 16, 255));
    }

    [Fact]
    public void Colors16_SendsOnlyTheBasicColourCodes()
    {
        string sent = Repaint(["--colors", "16"]);

        Assert.DoesNotMatch(Indexed(), sent);
        Assert.DoesNotMatch(Direct(), sent);
        string[] codes = [.. Sgr().Matches(sent).SelectMany(m => m.Groups[1].Value.Split(';'))];
        Assert.Contains(codes, c => c is "40" or "47" or "100" or "107"); // a background was set: the check can tell
        Assert.All(codes, c => Assert.True(
            c is "" or "0" or "1" or "2" or "3" or "4" or "7" or "22" or "23" or "24" or "27" or "39" or "49"
            || int.Parse(c, System.Globalization.CultureInfo.InvariantCulture) is (>= 30 and <= 37) or (>= 40 and <= 47) or (>= 90 and <= 97) or (>= 100 and <= 107), c));
    }

    /// <summary>The bytes of a full repaint (a resize) of the app started with <paramref name="args"/>, TERM=xterm-256color, no COLORTERM.</summary>
    private static string Repaint(string[] args)
    {
        using TempFile sent = new(".out");
        using TmuxApp app = TmuxApp.Start([.. args, "--cmd", "sleep 100000"], width: 100, height: 30);
        app.PipeOutputTo(sent.Path);
        app.Resize(110, 32);
        app.WaitUntil(_ => new FileInfo(sent.Path).Length > 2_000, "a repaint after the resize");
        Thread.Sleep(500);
        app.StopPipe();
        Thread.Sleep(300); // the pipe's cat writes what it still holds
        return File.ReadAllText(sent.Path);
    }

    [GeneratedRegex("[34]8;5;([0-9]+)")]
    private static partial Regex Indexed();

    [GeneratedRegex("[34]8;2;")]
    private static partial Regex Direct();

    [GeneratedRegex("\u001b\\[([0-9;]*)m")]
    private static partial Regex Sgr();
}
