using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Files;

namespace TuiProcManager.Tui.Tests.Theming;

[Collection(GlobalUiState.Name)]
public sealed class ThemeCatalogTests : IDisposable
{
    private readonly string _user = Directory.CreateTempSubdirectory("tuiproc-themes-").FullName;
    private readonly string _beside = Directory.CreateTempSubdirectory("tuiproc-themes-beside-").FullName;

    /// <summary>The themes in themes/, built into the app, in name order.</summary>
    private static readonly string[] ShippedNames =
        ["Catppuccin Mocha", "Dracula", "Gruvbox Dark", "Nord", "Solarized Dark", "Solarized Light", "Tuiproc Dark", "Tuiproc High Contrast", "Tuiproc Light", "Tuiproc Mono"];

    public ThemeCatalogTests() => Shipped = new BuiltInFiles(RegularFileReader.Instance, typeof(ThemeCatalog).Assembly).Folder("themes", _beside);

    /// <summary>tuiproc's themes as the app sees them: built in, over a themes/ folder beside the app (empty unless a test fills it).</summary>
    private ShippedFolder Shipped { get; }

    public void Dispose()
    {
        Directory.Delete(_user, recursive: true);
        Directory.Delete(_beside, recursive: true);
        ThemeConfiguration.Reset();
    }

    [Fact]
    public void Shipped_TenThemes_EachDefiningEveryRole()
    {
        ThemeCatalog catalog = ThemeCatalog.Load(Shipped, null);

        Assert.Empty(catalog.Problems);
        Assert.Equal(ShippedNames, catalog.Names.Order());
        foreach (string theme in catalog.Names)
        {
            Assert.True(catalog.Apply(theme));
            Assert.All(Roles.All, role => Assert.True(SchemeManager.TryGetScheme(role, out _), $"{theme} lacks {role}"));
        }
    }

    [Fact]
    public void Shipped_EveryTheme_TellsQueuedFromPaused()
    {
        ThemeCatalog catalog = ThemeCatalog.Load(Shipped, null);
        foreach (string theme in catalog.Names)
        {
            catalog.Apply(theme);
            Attribute queued = SchemeManager.GetScheme(Roles.Queued).GetAttributeForRole(VisualRole.Normal);
            Attribute paused = SchemeManager.GetScheme(Roles.Paused).GetAttributeForRole(VisualRole.Normal);
            Assert.True(queued != paused, $"{theme}: queued and paused look alike ({queued})");
        }
    }

    [Fact]
    public void Mono_UsesNoColourAtAll()
    {
        ThemeCatalog catalog = ThemeCatalog.Load(Shipped, null);
        catalog.Apply(ThemeCatalog.NoColorTheme);

        foreach (string role in Roles.All.Append("Base"))
        {
            Attribute normal = SchemeManager.GetScheme(role).GetAttributeForRole(VisualRole.Normal);
            Assert.True(normal.Foreground == Color.None && normal.Background == Color.None, $"{role}: {normal}");
        }
    }

    [Fact]
    public void Apply_SwitchesLive_AndUnknownNamesAreRefused()
    {
        ThemeCatalog catalog = ThemeCatalog.Load(Shipped, null);
        catalog.Apply("Tuiproc Dark");
        Color dark = SchemeManager.GetScheme("Running").Normal.Foreground;

        Assert.True(catalog.Apply("tuiproc light")); // names ignore case
        Assert.NotEqual(dark, SchemeManager.GetScheme("Running").Normal.Foreground);
        Assert.False(catalog.Apply("Solarized Purple"));
        Assert.Equal("Tuiproc Light", ThemeManager.Theme);
    }

    [Fact]
    public void Load_WithAnInitialTheme_StartsOnIt_AsALoadThenApplyWould()
    {
        ThemeCatalog.Load(Shipped, null).Apply("Tuiproc Light");
        Color light = SchemeManager.GetScheme("Running").Normal.Foreground;
        ThemeCatalog.Load(Shipped, null).Apply(ThemeCatalog.DefaultTheme);

        ThemeCatalog catalog = ThemeCatalog.Load(Shipped, null, initialTheme: "tuiproc light");

        Assert.Equal("Tuiproc Light", ThemeManager.Theme);
        Assert.Equal(light, SchemeManager.GetScheme("Running").Normal.Foreground);
        Assert.True(catalog.Apply("Tuiproc Light"));
        Assert.True(catalog.Apply("Tuiproc Dark")); // the others are still there to switch to
    }

    [Fact]
    public void ReadNames_SameNamesAndProblemsAsALoad_WithoutTouchingTheConfiguration()
    {
        File.WriteAllText(Path.Combine(_user, "broken.json"), "{ not json");
        ThemeCatalog.Load(Shipped, null).Apply("Tuiproc Mono");

        IReadOnlyList<string> names = ThemeCatalog.ReadNames(Shipped, _user, out IReadOnlyList<ThemeProblem> problems);

        Assert.Equal("Tuiproc Mono", ThemeManager.Theme); // nothing was loaded into Terminal.Gui
        ThemeCatalog loaded = ThemeCatalog.Load(Shipped, _user);
        Assert.Equal(loaded.Names, names);
        Assert.Equal(loaded.Problems, problems);
    }

    [Fact]
    public void Next_CyclesThroughTheCatalog()
    {
        ThemeCatalog catalog = ThemeCatalog.Load(Shipped, null);
        string first = catalog.Names[0];
        string at = first;
        for (int i = 0; i < catalog.Names.Count; i++)
        {
            at = catalog.Next(at);
        }

        Assert.Equal(first, at);
    }

    [Theory]
    [InlineData("{ not json", "is not valid JSON (line 1)")]
    [InlineData("{ \"Themes\": [ { \"X\": {} } ] }", "old Terminal.Gui format")]
    [InlineData("{ \"Window.DefaultBorderStyle\": \"Single\" }", "old Terminal.Gui format")]
    [InlineData("{ \"Schemes\": {} }", "has no \"Themes\" object")]
    [InlineData("{ \"Themes\": {} }", "has no \"Themes\" object")]
    public void BrokenUserFile_IsNamedInAProblem_AndTheRestStillLoads(string content, string expected)
    {
        string file = Path.Combine(_user, "mine.json");
        File.WriteAllText(file, content);

        ThemeCatalog catalog = ThemeCatalog.Load(Shipped, _user);

        ThemeProblem problem = Assert.Single(catalog.Problems);
        Assert.Equal(file, problem.File);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.Contains(ThemeCatalog.DefaultTheme, catalog.Names);
    }

    [Theory]
    [InlineData("{ \"Themes\": { \"Bad\": 5 } }", "has theme 'Bad' that is not an object")]
    [InlineData("{ \"Themes\": { \"Bad\": [1, 2] } }", "has theme 'Bad' that is not an object")]
    [InlineData("{ \"Themes\": { \"Bad\": { \"Schemes\": [1] } } }", "has theme 'Bad' whose \"Schemes\" is not an object of schemes")]
    [InlineData("{ \"Themes\": { \"Bad\": { \"Schemes\": { \"Base\": 7 } } } }", "has theme 'Bad' whose \"Schemes\" is not an object of schemes")]
    public void WrongShapeUserFile_IsNamedInAProblem_AndTheRestStillLoads(string content, string expected)
    {
        string file = Path.Combine(_user, "mine.json");
        File.WriteAllText(file, content);

        ThemeCatalog catalog = ThemeCatalog.Load(Shipped, _user);

        ThemeProblem problem = Assert.Single(catalog.Problems);
        Assert.Equal(file, problem.File);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Bad", catalog.Names);
        Assert.True(catalog.Apply(ThemeCatalog.DefaultTheme));
    }

    [Theory]
    [InlineData("{ \"Themes\": { \"Bad\": { \"Schemes\": { \"Base\": { \"Normal\": { \"Foreground\": \"NotAColour\", \"Background\": 12 } } } } } }")]
    [InlineData("{ \"Themes\": { \"Bad\": { \"Window\": { \"DefaultBorderStyle\": \"Wobbly\" } } } }")]
    public void BadValuesInAUserTheme_NeverStopTheCatalog_TheShippedThemesStillApply(string content)
    {
        // Terminal.Gui skips values it cannot convert; what matters is that loading carries on.
        File.WriteAllText(Path.Combine(_user, "mine.json"), content);

        ThemeCatalog catalog = ThemeCatalog.Load(Shipped, _user);

        Assert.Contains(ThemeCatalog.DefaultTheme, catalog.Names);
        Assert.True(catalog.Apply(ThemeCatalog.DefaultTheme));
        Assert.All(Roles.All, role => Assert.True(SchemeManager.TryGetScheme(role, out _), role));
    }

    [Fact]
    public void UserFile_ThatIsADirectory_IsNamedInAProblem_EvenForRoot()
    {
        string file = Path.Combine(_user, "mine.json");
        Directory.CreateDirectory(file);

        ThemeCatalog catalog = ThemeCatalog.Load(Shipped, _user);

        ThemeProblem problem = Assert.Single(catalog.Problems);
        Assert.Equal($"theme file {file} is a directory, not a regular file; it is skipped", problem.ToString());
        Assert.Contains(ThemeCatalog.DefaultTheme, catalog.Names);
    }

    [Fact]
    public void UserFile_ALinkToNowhere_IsNamedInAProblem()
    {
        string file = Path.Combine(_user, "mine.json");
        File.CreateSymbolicLink(file, Path.Combine(_user, "gone", "x.json"));

        ThemeCatalog catalog = ThemeCatalog.Load(Shipped, _user);

        Assert.StartsWith($"theme file {file} is a symbolic link to '", Assert.Single(catalog.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UserTheme_IsAddedToTheCatalog()
    {
        File.WriteAllText(Path.Combine(_user, "mine.json"), """
            // comments and trailing commas are fine
            { "Themes": { "Mine": { "Schemes": { "Base": { "Normal": { "Foreground": "Yellow", "Background": "Blue" } }, }, }, }, }
            """);

        ThemeCatalog catalog = ThemeCatalog.Load(Shipped, _user);

        Assert.Empty(catalog.Problems);
        Assert.Contains("Mine", catalog.Names);
        Assert.True(catalog.Apply("Mine"));
        Assert.Equal(new Color(ColorName16.Blue), SchemeManager.GetScheme("Base").Normal.Background);
    }

    [Fact]
    public void BuiltIn_AloneWithoutAnyFolder_HasEveryShippedTheme()
    {
        ThemeCatalog catalog = ThemeCatalog.Load(new BuiltInFiles(RegularFileReader.Instance, typeof(ThemeCatalog).Assembly).Folder("themes", "/nonexistent/themes"), null);

        Assert.Empty(catalog.Problems);
        Assert.Equal(ShippedNames, catalog.Names.Order());
    }

    [Fact]
    public void FileBesideTheApp_ReplacesTheBuiltInFileOfItsName()
    {
        File.WriteAllText(Path.Combine(_beside, "tuiproc-dark.json"), Theme("Tuiproc Dark", "Red"));

        ThemeCatalog catalog = ThemeCatalog.Load(Shipped, _user);

        Assert.Empty(catalog.Problems);
        Assert.True(catalog.Apply("Tuiproc Dark"));
        Assert.Equal(new Color(ColorName16.Red), SchemeManager.GetScheme("Base").Normal.Background);
        Assert.Contains("Tuiproc Light", catalog.Names); // the other built-in files are still there
    }

    [Fact]
    public void FileOnlyBesideTheApp_JoinsTheBuiltInOnes()
    {
        File.WriteAllText(Path.Combine(_beside, "lab-room.json"), Theme("Lab Room", "Blue"));

        ThemeCatalog catalog = ThemeCatalog.Load(Shipped, _user);

        Assert.Equal(ShippedNames.Append("Lab Room").Order(), catalog.Names.Order());
    }

    [Fact]
    public void BrokenFileBesideTheApp_IsNamed_AndTheBuiltInOneDoesNotStandInForIt()
    {
        string file = Path.Combine(_beside, "tuiproc-light.json");
        File.WriteAllText(file, "{ not json");

        ThemeCatalog catalog = ThemeCatalog.Load(Shipped, _user);

        Assert.Equal(file, Assert.Single(catalog.Problems).File);
        Assert.DoesNotContain("Tuiproc Light", catalog.Names);
        Assert.Contains(ThemeCatalog.DefaultTheme, catalog.Names);
    }

    [Fact]
    public void UsersTheme_WinsOverTheFileBesideTheApp_WhichWinsOverTheBuiltIn()
    {
        File.WriteAllText(Path.Combine(_beside, "tuiproc-dark.json"), Theme("Tuiproc Dark", "Red"));
        File.WriteAllText(Path.Combine(_user, "mine.json"), Theme("Tuiproc Dark", "Green"));

        ThemeCatalog catalog = ThemeCatalog.Load(Shipped, _user);

        Assert.Empty(catalog.Problems);
        Assert.True(catalog.Apply("Tuiproc Dark"));
        Assert.Equal(new Color(ColorName16.Green), SchemeManager.GetScheme("Base").Normal.Background);
    }

    [Fact]
    public void MissingFolders_AreFine()
    {
        Assert.Empty(ThemeCatalog.Load(RegularFileReader.Instance, "/nonexistent/themes", null).Problems);
    }

    private static string Theme(string name, string background) =>
        $$"""{ "Themes": { "{{name}}": { "Schemes": { "Base": { "Normal": { "Foreground": "White", "Background": "{{background}}" } } } } } }""";
}
