using System.Diagnostics;
using System.Net.Sockets;
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

        Assert.Contains($"settings file {file}: no theme is named 'Solarized Nope' (the themes: ", header, StringComparison.Ordinal);
        Assert.Contains("Tuiproc Dark", header, StringComparison.Ordinal);
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

        Assert.Contains($"progress file {file}: {expected}; it was kept as {file}.broken", screen.Split('\n')[0], StringComparison.Ordinal);
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
                using (Socket socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
                {
                    socket.Bind(new UnixDomainSocketEndPoint(path)); // the socket file stays after the close
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
