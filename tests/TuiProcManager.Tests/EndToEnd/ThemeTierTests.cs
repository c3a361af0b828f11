using System.Text.Json;
using System.Text.Json.Nodes;
using TuiProcManager.Composition;
using TuiProcManager.Core.Os;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// Every shipped theme, loaded and drawn by the real app in a real terminal (tmux) in each colour tier: 24-bit
/// draws the theme's own Base colours as 38;2/48;2; 16 colours only the basic codes, whatever a theme's colours
/// (the mapping onto the 16 is the colour tier's business: only its properties are checked); none no colour at
/// all. One app run per tier, <c>t</c> stepping through the themes, and one short run per theme for none (its
/// theme is Mono whatever --theme says, and <c>t</c> refuses to leave it).
/// </summary>
public sealed class ThemeTierTests
{
    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    [Fact]
    public void TrueColour_EveryTheme_DrawsItsOwnBaseColours()
    {
        List<string> themes = ShippedThemes();
        using TmuxApp app = TmuxApp.Start(["--theme", themes[0], "--colors", "true", "square:3"]);

        foreach (string theme in themes)
        {
            (string? fg, string? bg) = BaseColours(theme);
            string screen = WaitForTheme(app, theme, s => fg is null
                ? SgrColours.Of(s).Foregrounds.Count == 0 && SgrColours.Of(s).Backgrounds.Count == 0
                : SgrColours.Of(s).Foregrounds.Contains(SgrColours.Rgb(fg)) && SgrColours.Of(s).Backgrounds.Contains(SgrColours.Rgb(bg!)));

            SgrColours colours = SgrColours.Of(screen);
            Assert.Empty(colours.Indexed);
            Assert.Empty(colours.Malformed);
            if (fg is null)
            {
                Assert.False(colours.AnyColour, $"{theme} (the terminal's own colours) set a colour:\n{screen}");
            }

            app.Keys("t");
        }
    }

    [Fact]
    public void SixteenColours_EveryTheme_OnlyTheBasicCodes()
    {
        List<string> themes = ShippedThemes();
        using TmuxApp app = TmuxApp.Start(["--theme", themes[0], "--colors", "16", "square:3"]);

        foreach (string theme in themes)
        {
            bool mono = BaseColours(theme).Foreground is null;
            string screen = WaitForTheme(app, theme, s => SgrColours.Of(s).AnyColour != mono); // the previous theme's colours gone: a capture can catch a frame half drawn

            SgrColours colours = SgrColours.Of(screen);
            Assert.True(colours.Foregrounds.Count + colours.Backgrounds.Count + colours.Indexed.Count + colours.Malformed.Count == 0,
                $"{theme} in 16 colours drew more than the basic codes: 24-bit {string.Join(' ', colours.Foregrounds.Concat(colours.Backgrounds))}, indexed {string.Join(' ', colours.Indexed)} {string.Join(' ', colours.Malformed)}");
            Assert.Equal(!mono, colours.AnyColour);
            app.Keys("t");
        }
    }

    [Fact]
    public void NoColour_EveryTheme_NoColourCodesAtAll()
    {
        foreach (string theme in ShippedThemes())
        {
            using TmuxApp app = TmuxApp.Start(["--theme", theme, "--colors", "none", "square:3"]);
            string screen = app.WaitFor("Square: 9");
            Assert.Contains("Processes", screen, StringComparison.Ordinal);
            Assert.False(SgrColours.Of(app.ScreenWithAttributes()).AnyColour, $"{theme} with --colors none:\n{app.ScreenWithAttributes()}");

            app.Keys("t");
            app.WaitFor("colours stay"); // "… colours stay off", wrapped where the header is narrow
            Assert.False(SgrColours.Of(app.ScreenWithAttributes()).AnyColour, $"{theme} with --colors none, after t");
        }
    }

    /// <summary>
    /// Waits until the header names <paramref name="theme"/> (after a <c>t</c>; the first is there from the start)
    /// and its screen, with attributes, satisfies <paramref name="drawn"/>; returns that screen.
    /// </summary>
    private static string WaitForTheme(TmuxApp app, string theme, Func<string, bool> drawn)
    {
        string colours = "";
        app.WaitUntil(s =>
        {
            colours = app.ScreenWithAttributes();
            return s.Contains("Processes", StringComparison.Ordinal) && s.Contains("Square: 9", StringComparison.Ordinal)
                && (s.Contains("theme: " + theme, StringComparison.Ordinal) || !s.Contains("theme: ", StringComparison.Ordinal)) && drawn(colours);
        }, $"the panels drawn in {theme}");
        return colours;
    }

    /// <summary>The themes built into the app, in the order <c>t</c> steps through them.</summary>
    private static List<string> ShippedThemes()
    {
        List<string> names = [.. ShippedContent.Themes.List("*.json").SelectMany(f => Themes(f).Select(t => t.Key))];
        Assert.True(names.Count >= 10, string.Join(", ", names));
        return names;
    }

    /// <summary>The theme's Base Normal colours as its file gives them; null for "None" (the terminal's own).</summary>
    private static (string? Foreground, string? Background) BaseColours(string theme)
    {
        JsonNode normal = ShippedContent.Themes.List("*.json").SelectMany(Themes).Single(t => t.Key == theme).Value!["Schemes"]!["Base"]!["Normal"]!;
        string fg = (string)normal["Foreground"]!;
        string bg = (string)normal["Background"]!;
        return fg == "None" ? (null, null) : (fg, bg);
    }

    private static JsonObject Themes(string file)
    {
        byte[] bytes = ShippedContent.Files.Read(file, 1024 * 1024, out string? problem) ?? throw new Xunit.Sdk.XunitException($"{file}: {problem}");
        return (JsonObject)JsonNode.Parse(bytes, null, ReadOptions)!["Themes"]!;
    }
}
