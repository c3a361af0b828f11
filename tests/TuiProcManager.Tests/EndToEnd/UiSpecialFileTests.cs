using System.Diagnostics;
using System.Text;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// A file the app reads that is not a regular file, or is too large, is named in the header and the
/// defaults are used; the app starts in bounded time, <c>q</c> ends it, and nothing is left. Pinned:
/// settings.json as a symlink to /dev/zero grew the app to 3 GB on a blank screen; as a FIFO with no
/// writer, a blank screen and a process that outlived its terminal.
/// </summary>
public sealed class UiSpecialFileTests
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string> Cases => new()
    {
        { "<fifo>", "a FIFO, not a regular file" },
        { "<link to /dev/zero>", "a character device, not a regular file" },
        { "<socket>", "a socket, not a regular file" },
        { "<100 MB>", "larger than 64 KiB" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SettingsFile_ThatIsNotARegularFile_IsNamedInTheHeader_AndQEndsTheApp(string kind, string expected)
    {
        Stopwatch clock = Stopwatch.StartNew();
        using TmuxApp app = TmuxApp.Start([], width: 220, height: 30, waitFor: "settings file", prepare: home => Make(Path.Combine(home, "tuiproc", "settings.json"), kind));
        string file = Path.Combine(app.ConfigHome, "tuiproc", "settings.json");
        Assert.True(clock.Elapsed < StartBound, $"started in {clock.Elapsed.TotalSeconds:0.0} s");

        string header = app.WaitFor("using the defaults").Split('\n')[0];

        Assert.Contains($"settings file {file}: {expected}; using the defaults", header, StringComparison.Ordinal);
        QuitLeavesNothing(app);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ThemeFile_ThatIsNotARegularFile_IsNamedInTheHeader_AndTheAppRuns(string kind, string expected)
    {
        using TmuxApp app = TmuxApp.Start(["square:3"], width: 220, height: 30, waitFor: "theme file", prepare: home => Make(Path.Combine(home, "tuiproc", "themes", "mine.json"), kind));
        string file = Path.Combine(app.ConfigHome, "tuiproc", "themes", "mine.json");

        string header = app.WaitFor("it is skipped").Split('\n')[0];

        Assert.Contains($"theme file {file} is {expected.Replace("larger than 64 KiB", "larger than 1 MiB", StringComparison.Ordinal)}; it is skipped", header, StringComparison.Ordinal);
        Assert.Contains("Square: 9", app.WaitFor("Square: 9"), StringComparison.Ordinal);
        QuitLeavesNothing(app);
    }

    [Fact]
    public void SettingsNamingAThemeThatDoesNotExist_IsNamedInTheHeader_AndTheDefaultThemeIsUsed()
    {
        using TmuxApp app = TmuxApp.Start([], width: 220, height: 30, waitFor: "settings file", prepare: home => Make(Path.Combine(home, "tuiproc", "settings.json"), "{ \"theme\": \"Solarized Nope\" }"));
        string file = Path.Combine(app.ConfigHome, "tuiproc", "settings.json");

        string header = app.WaitFor("using the defaults").Split('\n')[0];

        Assert.Contains($"settings file {file}: no theme is named 'Solarized Nope' (t picks one); using the defaults", header, StringComparison.Ordinal);
        QuitLeavesNothing(app);
    }

    [Theory]
    [InlineData("not json", "not valid JSON (line 1)")]
    [InlineData("<fifo>", "a FIFO, not a regular file")]
    public void LabProgress_ThatCannotBeUsed_IsKeptAside_AndTheLabPanelSaysWhere(string kind, string expected)
    {
        using TmuxApp app = TmuxApp.Start(["lab", "1"], width: 220, height: 40, waitFor: "kept as", prepare: home => Make(Path.Combine(home, "state", "tuiproc", "labs", "1.json"), kind));
        string file = Path.Combine(app.StateHome, "tuiproc", "labs", "1.json");

        string screen = app.WaitFor("Your saved progress could not be used");

        Assert.Contains(
            Squeezed($"Your saved progress could not be used: progress file {file}: {expected}; it was kept as {file}.broken and the lab starts over"),
            LabPanelText(screen, "Your saved progress"),
            StringComparison.Ordinal);
        Assert.True(Path.Exists(file + ".broken"));
        QuitLeavesNothing(app);
    }

    /// <summary>Makes <paramref name="kind"/> at <paramref name="path"/>: a special file, or a regular one with that text.</summary>
    internal static void Make(string path, string kind)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (kind)
        {
            case "<fifo>":
                using (Process mkfifo = Process.Start("mkfifo", [path]))
                {
                    Assert.True(mkfifo.WaitForExit(10_000));
                    Assert.Equal(0, mkfifo.ExitCode);
                }

                break;
            case "<link to /dev/zero>":
                File.CreateSymbolicLink(path, "/dev/zero");
                break;
            case "<socket>":
                // Bound by another process: .NET removes the path of a socket it bound when it closes it.
                using (Process python = Process.Start("python3", ["-c", "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", path]))
                {
                    Assert.True(python.WaitForExit(10_000));
                    Assert.Equal(0, python.ExitCode);
                }

                break;
            case "<100 MB>":
                using (FileStream big = new(path, FileMode.CreateNew))
                {
                    big.SetLength(100L * 1024 * 1024);
                }

                break;
            default:
                File.WriteAllText(path, kind);
                break;
        }
    }

    /// <summary>The lab panel's message that starts with <paramref name="start"/>, its wrapped lines joined, without white space.</summary>
    private static string LabPanelText(string screen, string start)
    {
        string[] lines = screen.Split('\n');
        int row = Array.FindIndex(lines, l => l.Contains(start, StringComparison.Ordinal));
        int column = lines[row].IndexOf(start, StringComparison.Ordinal);
        StringBuilder text = new();
        for (int i = row; i < lines.Length && lines[i].Length > column; i++)
        {
            string rest = lines[i][column..];
            int end = rest.IndexOf('│', StringComparison.Ordinal);
            string part = (end >= 0 ? rest[..end] : rest).Trim();
            if (part.Length == 0)
            {
                break; // the blank line after the message
            }

            text.Append(part);
        }

        return Squeezed(text.ToString());
    }

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static void QuitLeavesNothing(TmuxApp app)
    {
        IReadOnlyList<int> helpers = app.Descendants();
        app.Keys("q");
        Assert.Equal(0, app.WaitForExit());
        Stopwatch clock = Stopwatch.StartNew();
        while (helpers.Any(Tuiproc.IsAlive) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(50);
        }

        Assert.False(Tuiproc.IsAlive(app.Pid), "tuiproc is still alive after q");
        Assert.DoesNotContain(helpers, Tuiproc.IsAlive);
    }
}
