using System.Globalization;
using System.Text.RegularExpressions;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>The real app in tmux: what it does to and with the terminal (themes, colours, sizes, hostile output).</summary>
public sealed partial class UiTerminalTests
{
    [Fact]
    public void HostileOutput_IsShownAsText_NeverReachesTheTerminal()
    {
        using TempFile script = new(".py", HostileWorker.Script(hostileChild: true));
        using TmuxApp app = TmuxApp.Start(["--cmd", "python3 " + script.Path], width: 120, height: 36);
        string before = app.PaneTitle();

        string screen = app.WaitUntil(s => s.Contains("│  after", StringComparison.Ordinal) && s.Contains("^[]0;PWNKID^G", StringComparison.Ordinal), "every attempt shown, and the child");

        Assert.All(HostileWorker.ShownAs, shown => Assert.Contains(shown, screen, StringComparison.Ordinal));
        Assert.Equal(before, app.PaneTitle());
        Assert.DoesNotContain("PWN", app.PaneTitle(), StringComparison.Ordinal);
        Assert.Contains("┤Processes├", screen, StringComparison.Ordinal); // nothing was cleared or overwritten
        Assert.Matches(@"│1 +│python3 ", screen); // the cursor moves moved nothing
    }

    [Fact]
    public void Theme_t_ChangesItAndRemembersIt_ForTheUserOnly()
    {
        using TmuxApp app = TmuxApp.Start([]);
        string settings = Path.Combine(app.ConfigHome, "tuiproc", "settings.json");
        string colours = app.ScreenWithAttributes();

        app.Keys("t");
        Until(() => File.Exists(settings) && File.ReadAllText(settings).Contains("Tuiproc", StringComparison.Ordinal), "the theme saved");
        Until(() => app.ScreenWithAttributes() != colours, "the screen redrawn in the new theme's colours");

        Assert.DoesNotContain("Tuiproc Dark", File.ReadAllText(settings), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(settings));

        app.Keys("q"); // no worker alive: no question
        Assert.Equal(0, app.WaitForExit());
    }

    [Fact]
    public void TooSmall_SaysSo_AndComesBackWhenEnlarged()
    {
        using TmuxApp app = TmuxApp.Start([], width: 80, height: 24);

        app.Resize(50, 12);
        string small = app.WaitFor("The terminal is 50×12");
        Assert.Contains("at least 60×16", small, StringComparison.Ordinal);
        Assert.Contains("tuiproc run KIND:N runs without the UI", small, StringComparison.Ordinal);
        Assert.DoesNotContain("Processes", small, StringComparison.Ordinal);

        app.Resize(80, 24);
        app.WaitUntil(s => s.Contains("Processes", StringComparison.Ordinal) && !s.Contains("The terminal is", StringComparison.Ordinal), "the panels again");
    }

    [Fact]
    public void TooSmall_AlreadyAtStart_SaysHowBigAndSuggestsRun_ThenComesBackWhenEnlarged()
    {
        using TmuxApp app = TmuxApp.Start(["square:3"], width: 56, height: 10, waitFor: "The terminal is 56×10");

        string small = app.Screen();
        Assert.Contains("tuiproc needs at least 60×16", small, StringComparison.Ordinal);
        Assert.Contains("tuiproc run KIND:N runs without the UI", small, StringComparison.Ordinal);
        Assert.DoesNotContain("Processes", small, StringComparison.Ordinal);

        app.Resize(80, 24);
        app.WaitUntil(s => s.Contains("Processes", StringComparison.Ordinal) && s.Contains("Square: 9", StringComparison.Ordinal), "the panels, and the worker that ran meanwhile");
    }

    [Theory]
    [InlineData("xterm")]
    [InlineData("screen")]
    [InlineData("tmux-256color")]
    public void CommonTerms_DrawEveryPanel(string term)
    {
        using TmuxApp app = TmuxApp.Start(["square:3"], width: 80, height: 24, env: new Dictionary<string, string> { ["TERM"] = term });

        string screen = app.WaitFor("Square: 9");

        foreach (string panel in new[] { "Processes", "States", "CPU", "Output", "q quit" })
        {
            Assert.Contains(panel, screen, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LinuxConsole_GetsAsciiOnly()
    {
        using TmuxApp app = TmuxApp.Start(["square:3"], width: 80, height: 24, env: new Dictionary<string, string> { ["TERM"] = "linux" });

        string screen = app.WaitFor("Square: 9");

        Assert.Contains("[Processes]", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("─", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("│", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void NoColor_DrawsWithoutAnyColour_WhileTheDefaultHasColours()
    {
        using TmuxApp plain = TmuxApp.Start(["square:3"], env: new Dictionary<string, string> { ["NO_COLOR"] = "1" });
        using TmuxApp coloured = TmuxApp.Start(["square:3"]);
        plain.WaitFor("Square: 9");
        coloured.WaitFor("Square: 9");

        Assert.Empty(ColourCodes(plain.ScreenWithAttributes()));
        Assert.NotEmpty(ColourCodes(coloured.ScreenWithAttributes())); // the check can tell
    }

    /// <summary>SGR parameters that set a colour (30–38, 40–48, 90–97, 100–107); 39/49 are "default colour".</summary>
    private static List<int> ColourCodes(string screen) =>
        [.. Sgr().Matches(screen)
            .SelectMany(m => m.Groups[1].Value.Split(';', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => int.Parse(p, CultureInfo.InvariantCulture))
            .Where(p => p is (>= 30 and <= 38) or (>= 40 and <= 48) or (>= 90 and <= 97) or (>= 100 and <= 107))];

    [GeneratedRegex(@"\x1b\[([0-9;]*)m")]
    private static partial Regex Sgr();

    private static void Until(Func<bool> condition, string what) =>
        Tuiproc.UntilAsync(condition, what).GetAwaiter().GetResult();
}
