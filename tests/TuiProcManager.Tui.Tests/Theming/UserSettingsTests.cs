using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Linux.Files;

namespace TuiProcManager.Tui.Tests.Theming;

[Collection(GlobalUiState.Name)] // changes XDG_CONFIG_HOME, which is process-wide
public sealed class UserSettingsTests : IDisposable
{
    private readonly string _config = Directory.CreateTempSubdirectory("tuiproc-config-").FullName;
    private readonly string? _saved = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");

    public UserSettingsTests() => Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", _config);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", _saved);
        Directory.Delete(_config, recursive: true);
    }

    [Fact]
    public void Save_ThenLoad_RemembersTheTheme_InAFileOnlyTheUserCanRead()
    {
        Assert.Null(new UserSettings("Tuiproc Light").Save());

        Assert.Equal("Tuiproc Light", UserSettings.Load(RegularFileReader.Instance, out _).Theme);
        string file = Path.Combine(_config, "tuiproc", "settings.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(Path.Combine(_config, "tuiproc", "themes"), UserSettings.UserThemesDirectory);
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON (line 1)")]
    [InlineData("{ \"theme\": \"Tuiproc Light\"", "not valid JSON (line 1)")]
    [InlineData("", "not valid JSON (line 1)")]
    [InlineData("[1, 2, 3]", "a JSON array, not an object like {\"theme\": \"Tuiproc Light\"}")]
    [InlineData("null", "a JSON null, not an object")]
    [InlineData("\"Tuiproc Light\"", "a JSON string, not an object")]
    [InlineData("{ \"theme\": 5 }", "a value of the wrong type ($.theme): \"theme\" must be a string")]
    [InlineData("{ \"theme\": { \"name\": \"x\" } }", "a value of the wrong type ($.theme)")]
    [InlineData("{ \"mouse\": \"no\" }", "a value of the wrong type ($.mouse): \"mouse\" must be true or false")]
    public void Load_BrokenFile_IsIgnored_AndTheProblemNamesTheFile(string content, string expected)
    {
        string file = Path.Combine(_config, "tuiproc", "settings.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);

        UserSettings settings = UserSettings.Load(RegularFileReader.Instance, out string? problem);

        Assert.Null(settings.Theme);
        Assert.NotNull(problem);
        Assert.StartsWith($"settings file {file}: ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.EndsWith("; using the defaults", problem, StringComparison.Ordinal);
        Assert.Equal(problem, problem.ReplaceLineEndings(""));
    }

    [Fact]
    public void Load_ADirectoryWhereTheFileShouldBe_IsNotARegularFile_EvenForRoot()
    {
        string file = Path.Combine(_config, "tuiproc", "settings.json");
        Directory.CreateDirectory(file);

        Assert.Null(UserSettings.Load(RegularFileReader.Instance, out string? problem).Theme);
        Assert.Equal($"settings file {file}: a directory, not a regular file; using the defaults", problem);
    }

    [Fact]
    public void Load_ALinkToNowhere_IsNamedWithItsTarget()
    {
        string file = Path.Combine(_config, "tuiproc", "settings.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.CreateSymbolicLink(file, Path.Combine(_config, "gone.json"));

        Assert.Null(UserSettings.Load(RegularFileReader.Instance, out string? problem).Theme);
        Assert.Equal($"settings file {file}: a symbolic link to '{Path.Combine(_config, "gone.json")}', which does not exist; using the defaults", problem);
    }

    [Fact]
    public void Load_NoFile_IsNoProblem_AndAGoodOneHasNone()
    {
        Assert.Null(UserSettings.Load(RegularFileReader.Instance, out string? none).Theme);
        Assert.Null(none);

        Assert.Null(new UserSettings("Tuiproc Mono").Save());
        Assert.Equal("Tuiproc Mono", UserSettings.Load(RegularFileReader.Instance, out string? problem).Theme);
        Assert.Null(problem);
    }

    [Fact]
    public void Save_CreatesTheDirectoryForTheUserOnly()
    {
        Assert.Null(new UserSettings("Tuiproc Light").Save());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_config, "tuiproc")));
    }

    [Fact]
    public void Save_OverALeftoverWorldReadableTemporaryFile_TheSettingsAreStillForTheUserOnly()
    {
        // A run cut off between writing settings.json.tmp and renaming it leaves the temporary file; one
        // left 0644 used to keep that mode through FileMode.Create, and pass it on to settings.json.
        string directory = Path.Combine(_config, "tuiproc");
        Directory.CreateDirectory(directory);
        string leftover = Path.Combine(directory, "settings.json.tmp");
        File.WriteAllText(leftover, "{ \"theme\": \"old\" }");
        File.SetUnixFileMode(leftover, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Assert.Null(new UserSettings("Tuiproc Light").Save());

        string file = Path.Combine(directory, "settings.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal("Tuiproc Light", UserSettings.Load(RegularFileReader.Instance, out _).Theme);
        Assert.False(File.Exists(leftover));
    }

    [Fact]
    public void Mouse_FalseIsRead_AndASavedThemeKeepsIt_AbsentIsNotWritten()
    {
        string file = Path.Combine(_config, "tuiproc", "settings.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "{ \"mouse\": false }");

        UserSettings settings = UserSettings.Load(RegularFileReader.Instance, out string? problem);
        Assert.Null(problem);
        Assert.False(settings.Mouse);

        Assert.Null((settings with { Theme = "Tuiproc Light" }).Save()); // as t saves the theme
        UserSettings again = UserSettings.Load(RegularFileReader.Instance, out _);
        Assert.Equal(("Tuiproc Light", (bool?)false), (again.Theme, again.Mouse));

        Assert.Null(new UserSettings("Tuiproc Mono").Save());
        Assert.DoesNotContain("mouse", File.ReadAllText(file), StringComparison.Ordinal);
    }
}
