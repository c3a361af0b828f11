using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// A settings or theme file that cannot be used never stops the app: it starts with the defaults and says
/// so in one line of the header, naming the file and the problem. The cases fail for root too (tests run
/// as root, for whom chmod 000 changes nothing): a directory where the file should be, a link to nowhere.
/// </summary>
public sealed class UiConfigProblemTests
{
    public static TheoryData<string, string> SettingsCases => new()
    {
        { "not json", ": not valid JSON (line 1); using the defaults" },
        { "[\"Tuiproc Light\"]", ": a JSON array, not an object like {\"theme\": \"Tuiproc Light\"}; using the defaults" },
        { "{ \"theme\": 42 }", ": a value of the wrong type ($.theme): \"theme\" must be a string; using the defaults" },
        { "<directory>", ": a directory, not a regular file; using the defaults" },
        { "<link to nowhere>", ": a symbolic link to '" },
    };

    [Theory]
    [MemberData(nameof(SettingsCases))]
    public void BrokenSettingsFile_StartsWithTheDefaults_AndTheHeaderSaysSo(string content, string expected)
    {
        using TmuxApp app = TmuxApp.Start([], width: 220, height: 30, prepare: home => Put(Path.Combine(home, "tuiproc", "settings.json"), content));
        string file = Path.Combine(app.ConfigHome, "tuiproc", "settings.json");

        string header = HeaderOf(app.WaitFor("settings file"));

        Assert.Contains($"settings file {file}{expected}", header, StringComparison.Ordinal);
        app.Keys("q"); // no worker alive: no question
        Assert.Equal(0, app.WaitForExit());
    }

    public static TheoryData<string, string> ThemeCases => new()
    {
        { "{ not json", "is not valid JSON (line 1)" },
        { "{ \"Themes\": [ { \"Mine\": {} } ] }", "is in the old Terminal.Gui format" },
        { "{ \"Themes\": { \"Mine\": 5 } }", "has theme 'Mine' that is not an object" },
        { "<directory>", "is a directory, not a regular file; it is skipped" },
        { "<link to nowhere>", "is a symbolic link to '" },
    };

    [Theory]
    [MemberData(nameof(ThemeCases))]
    public void BrokenThemeFile_StartsWithTheDefaultTheme_AndTheHeaderSaysSo(string content, string expected)
    {
        using TmuxApp app = TmuxApp.Start(["square:3"], width: 220, height: 30, prepare: home => Put(Path.Combine(home, "tuiproc", "themes", "mine.json"), content));
        string file = Path.Combine(app.ConfigHome, "tuiproc", "themes", "mine.json");

        string header = HeaderOf(app.WaitFor("theme file"));

        Assert.Contains($"theme file {file} {expected}", header, StringComparison.Ordinal);
        Assert.Contains("Square: 9", app.WaitFor("Square: 9"), StringComparison.Ordinal); // it runs as ever
    }

    private static void Put(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (content)
        {
            case "<directory>":
                Directory.CreateDirectory(path);
                break;
            case "<link to nowhere>":
                File.CreateSymbolicLink(path, path + ".gone");
                break;
            default:
                File.WriteAllText(path, content);
                break;
        }
    }

    /// <summary>The header: the first line, the one that says so (and only one).</summary>
    private static string HeaderOf(string screen)
    {
        string[] lines = screen.Split('\n');
        Assert.Single(lines, l => l.Contains(" file ", StringComparison.Ordinal));
        return lines[0];
    }
}
