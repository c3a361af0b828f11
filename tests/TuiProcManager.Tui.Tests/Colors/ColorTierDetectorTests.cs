using System.Diagnostics;
using NSubstitute;
using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Files;
using TuiProcManager.Tui.Colors;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.Tui.Tests.Colors;

/// <summary>
/// The colour mode chosen for the environments a user's session sets, with this machine's real terminfo
/// files. Pins: an SSH login passes TERM but not COLORTERM, so TERM=xterm-256color got the 16-colour
/// fallback (yellow frames, "waiting" in dark blue on black) instead of the theme.
/// </summary>
public sealed class ColorTierDetectorTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("tuiproc-terminfo-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Theory]
    [InlineData("xterm-256color", null, "Palette256")] // an SSH login to a modern terminal
    [InlineData("xterm-256color", "truecolor", "TrueColor")] // a local terminal that says so
    [InlineData("xterm-256color", "24bit", "TrueColor")]
    [InlineData("xterm-direct", null, "TrueColor")] // terminfo's RGB
    [InlineData("tmux-256color", null, "Palette256")]
    [InlineData("screen-256color", null, "Palette256")]
    [InlineData("screen", null, "Sixteen")]
    [InlineData("linux", null, "Sixteen")]
    [InlineData("xterm", null, "Sixteen")]
    [InlineData("dumb", null, "None")]
    [InlineData("nosuch-256color", null, "Palette256")] // no terminfo: the name says
    [InlineData("nosuch-direct", null, "TrueColor")]
    [InlineData("nosuch", null, "Sixteen")]
    [InlineData(null, null, "Sixteen")]
    public void FromEnvironment_AsASessionSetsIt(string? term, string? colorTerm, string expected)
    {
        Assert.True(File.Exists("/lib/terminfo/x/xterm-256color") || File.Exists("/usr/share/terminfo/x/xterm-256color"), "ncurses-base is installed");
        ColorMode mode = ColorTierDetector.FromEnvironment(ColorMode.Auto, Env(("TERM", term), ("COLORTERM", colorTerm)), Locator().Find);

        Assert.Equal(Enum.Parse<ColorMode>(expected), mode);
    }

    [Theory]
    [InlineData("Tc")] // tmux's own capability
    [InlineData("RGB")] // ncurses' boolean
    [InlineData("RGB#8")] // ncurses' number form
    [InlineData("RGB=8/8/8")] // and its string form
    public void FromEnvironment_ATerminfoEntryWithDirectColour_CompiledWithTic_IsTrueColor(string capability)
    {
        string source = Path.Combine(_home, "e.src");
        File.WriteAllText(source, $"tuiproc-test|a terminal with direct colour,\n\tcolors#256, {capability}, use=xterm-256color,\n");
        string terminfo = Path.Combine(_home, "terminfo");
        Tic(source, terminfo);

        ColorMode mode = ColorTierDetector.FromEnvironment(ColorMode.Auto, Env(("TERM", "tuiproc-test"), ("TERMINFO", terminfo)), Locator(("TERMINFO", terminfo)).Find);

        Assert.Equal(ColorMode.TrueColor, mode);
    }

    [Fact]
    public void FromEnvironment_ATerminfoEntryWithout_IsWhatItsColoursSay()
    {
        string source = Path.Combine(_home, "e.src");
        File.WriteAllText(source, "tuiproc-88|eighty-eight colours,\n\tcolors#88, use=xterm,\n");
        string terminfo = Path.Combine(_home, "terminfo");
        Tic(source, terminfo);

        Assert.Equal(ColorMode.Sixteen, ColorTierDetector.FromEnvironment(ColorMode.Auto, Env(("TERM", "tuiproc-88")), Locator(("TERMINFO", terminfo)).Find));
    }

    [Theory]
    [InlineData("Auto", "1", "None")] // NO_COLOR wins over everything
    [InlineData("TrueColor", "1", "None")]
    [InlineData("Auto", "", "Palette256")] // an empty NO_COLOR does not count (no-color.org)
    [InlineData("Sixteen", null, "Sixteen")] // --colors wins over TERM and COLORTERM
    [InlineData("Palette256", null, "Palette256")]
    [InlineData("TrueColor", null, "TrueColor")]
    public void FromEnvironment_NoColorAndAnExplicitChoice(string requested, string? noColor, string expected)
    {
        Func<string, string?> env = Env(("TERM", "xterm-256color"), ("COLORTERM", requested == "Sixteen" ? "truecolor" : null), ("NO_COLOR", noColor));

        Assert.Equal(Enum.Parse<ColorMode>(expected), ColorTierDetector.FromEnvironment(Enum.Parse<ColorMode>(requested), env, Locator().Find));
    }

    [Fact]
    public void Decide_TheTerminalSaysRgb_IsTrueColor_AndTheKeysTypedMeanwhileAreKept()
    {
        ITerminalQuery query = Substitute.For<ITerminalQuery>();
        query.Ask(default!, default!, default).ReturnsForAnyArgs("q\u001bP1+r524742=38\u001b\\j\u001b[?64;1;2c"u8.ToArray());

        ColorMode mode = ColorTierDetector.Decide(ColorMode.Auto, Env(("TERM", "xterm-256color")), Locator().Find, query, out byte[] typed);

        Assert.Equal(ColorMode.TrueColor, mode);
        Assert.Equal("qj"u8.ToArray(), typed);
        query.Received(1).Ask(TerminalColorAnswer.Question, Arg.Any<Func<byte[], bool>>(), ColorTierDetector.QueryMilliseconds);
    }

    [Fact]
    public void Decide_TheTerminalAnswersOnlyDa1_AsTmuxDoes_KeepsTerminfosChoice()
    {
        ITerminalQuery query = Substitute.For<ITerminalQuery>();
        query.Ask(default!, default!, default).ReturnsForAnyArgs("\u001b[?1;2c"u8.ToArray());

        Assert.Equal(ColorMode.Palette256, ColorTierDetector.Decide(ColorMode.Auto, Env(("TERM", "tmux-256color")), Locator().Find, query, out _));
    }

    [Theory]
    [InlineData("Auto", "truecolor", "xterm")] // already 24-bit
    [InlineData("Sixteen", null, "xterm")] // the user chose
    [InlineData("Auto", null, "dumb")] // no colour: a question would be shown as text
    public void Decide_TheTerminalIsNotAsked_WhenThereIsNothingToLearn(string requested, string? colorTerm, string term)
    {
        ITerminalQuery query = Substitute.For<ITerminalQuery>();
        _ = ColorTierDetector.Decide(Enum.Parse<ColorMode>(requested), Env(("TERM", term), ("COLORTERM", colorTerm)), Locator().Find, query, out _);

        query.DidNotReceiveWithAnyArgs().Ask(default!, default!, default);
    }

    [Fact]
    public void Locator_SearchesTheFoldersInNcursesOrder_AndBothLayouts()
    {
        string mine = Path.Combine(_home, "mine");
        Directory.CreateDirectory(Path.Combine(mine, "78"));
        File.Copy("/lib/terminfo/x/xterm-256color", Path.Combine(mine, "78", "xterm-mine")); // the hex layout (macOS)
        TerminfoLocator locator = Locator(("TERMINFO_DIRS", "/nonexistent::" + mine), ("HOME", _home));

        Assert.Equal(["/home/x/.terminfo"], new TerminfoLocator(RegularFileReader.Instance, Env(("HOME", "/home/x"))).Folders().Take(1));
        Assert.Equal([Path.Combine(_home, ".terminfo"), "/nonexistent", "/usr/share/terminfo", mine, "/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"], locator.Folders());
        Assert.Equal(256, locator.Find("xterm-mine")?.MaxColors);
        Assert.Null(locator.Find("../x/xterm-mine")); // TERM is not a path
        Assert.Null(locator.Find(".hidden"));
    }

    private static TerminfoLocator Locator(params (string, string?)[] vars) => new(RegularFileReader.Instance, Env(vars));

    private static Func<string, string?> Env(params (string Key, string? Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Key == name).Value;

    private static void Tic(string source, string output)
    {
        using Process tic = Process.Start(new ProcessStartInfo("tic", ["-x", "-o", output, source]) { RedirectStandardError = true })!;
        string errors = tic.StandardError.ReadToEnd();
        Assert.True(tic.WaitForExit(30_000), "tic finished");
        Assert.True(tic.ExitCode == 0, errors);
    }
}
