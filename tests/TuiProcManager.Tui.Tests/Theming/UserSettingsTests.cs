using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Theming;

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

        Assert.Equal("Tuiproc Light", UserSettings.Load().Theme);
        string file = Path.Combine(_config, "tuiproc", "settings.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(Path.Combine(_config, "tuiproc", "themes"), UserSettings.UserThemesDirectory);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    public void Load_BrokenFile_IsIgnoredNotFatal(string content)
    {
        Directory.CreateDirectory(Path.Combine(_config, "tuiproc"));
        File.WriteAllText(Path.Combine(_config, "tuiproc", "settings.json"), content);

        Assert.Null(UserSettings.Load().Theme);
    }
}
