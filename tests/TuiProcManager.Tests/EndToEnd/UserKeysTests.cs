using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// The user's own keys (keys.json in a private XDG_CONFIG_HOME), in the real app in a real terminal: a
/// remapped key drives a real pause (state T in /proc), a broken file is named in the header and the
/// defaults work, a click on the key bar (an SGR mouse sequence typed into tmux) acts, and
/// <c>tuiproc keys</c> lists what applies.
/// </summary>
public sealed class UserKeysTests
{
    /// <summary>A worker that keeps running for the whole test: 400 steps of 300 ms work and 200 ms wait.</summary>
    private static readonly string[] LongWorker = ["--steps", "400", "--work-ms", "300", "--wait-ms", "200", "square:10"];

    [Fact]
    public void RemappedPause_TheNewKeyPausesAndResumes_TheOldKeyDoesNothing()
    {
        using TmuxApp app = TmuxApp.Start(LongWorker, prepare: home => Put(home, "{ \"pause-resume\": \"z\" }"));
        int square = app.PidOf("square 10");
        app.WaitFor(" z pause "); // the key bar shows the user's key

        app.Keys("p");
        Thread.Sleep(TimeSpan.FromSeconds(1)); // time enough for a pause to show (the state poll is 250 ms)
        Assert.NotEqual('T', Tuiproc.State(square));
        Assert.DoesNotContain("│paused", app.Screen(), StringComparison.Ordinal);

        app.Keys("z");
        app.WaitFor("│paused");
        Until(() => Tuiproc.State(square) == 'T', "the worker stopped (SIGSTOP) by z: state T in /proc");

        app.Keys("z");
        Until(() => Tuiproc.State(square) is 'R' or 'S', "the worker running again (SIGCONT) by z");
    }

    [Fact]
    public void BrokenKeysFile_IsNamedInTheHeader_AndTheDefaultKeysWork()
    {
        using TmuxApp app = TmuxApp.Start(LongWorker, width: 220, prepare: home => Put(home, "{ \"pause-resume\": "));
        string file = Path.Combine(app.ConfigHome, "tuiproc", "keys.json");
        int square = app.PidOf("square 10");

        Assert.Contains($"keys file {file}: not valid JSON (line 1); using the default keys", app.WaitFor("keys file").Split('\n')[0], StringComparison.Ordinal);

        app.Keys("p");
        Until(() => Tuiproc.State(square) == 'T', "the worker stopped by the default p: state T in /proc");
    }

    [Fact]
    public void KeysFileWithAReservedKey_IsNamedInTheHeader_TheRestApplies()
    {
        using TmuxApp app = TmuxApp.Start(LongWorker, width: 220, prepare: home => Put(home, "{ \"quit\": \"Esc\", \"pause-resume\": \"z\" }"));
        int square = app.PidOf("square 10");

        app.WaitFor("\"quit\": Esc cannot be given to an action: Esc closes a dialog");
        app.Keys("z");
        Until(() => Tuiproc.State(square) == 'T', "the worker stopped by z: state T in /proc");
    }

    [Fact]
    public void ClickOnTheKeyBar_PauseEntry_PausesTheWorker()
    {
        using TmuxApp app = TmuxApp.Start(LongWorker);
        int square = app.PidOf("square 10");
        string[] rows = app.WaitFor(" p pause ").Split('\n');
        int row = Array.FindLastIndex(rows, r => r.Contains(" p pause ", StringComparison.Ordinal));
        int column = rows[row].IndexOf(" p pause ", StringComparison.Ordinal) + 3; // on the word "pause"

        Click(app, column, row);

        Until(() => Tuiproc.State(square) == 'T', "the worker stopped by a click on 'pause': state T in /proc");
        app.WaitFor("│paused");
    }

    [Fact]
    public async Task KeysCommand_WithoutAFile_ListsTheDefaults_AndWhereTheFileGoes()
    {
        string home = Directory.CreateTempSubdirectory("tuiproc-keys-").FullName;
        try
        {
            (int code, string stdout, string stderr) = await Tuiproc.RunAsync(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = home }, "keys");

            Assert.Equal(0, code);
            Assert.Equal("", stderr);
            Assert.StartsWith($"keys file: {Path.Combine(home, "tuiproc", "keys.json")} (there is none", stdout, StringComparison.Ordinal);
            Assert.Matches(@"\n  pause-resume +p +pause / resume the selected worker", stdout);
            Assert.Matches(@"\n  interrupt +Ctrl\+C +stop every worker", stdout);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task KeysCommand_WithAFile_MarksTheUsersKeys_ProblemsOnStderr_ExitCode1()
    {
        string home = Directory.CreateTempSubdirectory("tuiproc-keys-").FullName;
        try
        {
            Put(home, "{ \"pause-resume\": \"z\", \"frob\": \"x\" }");
            (int code, string stdout, string stderr) = await Tuiproc.RunAsync(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = home }, "keys");

            Assert.Equal(1, code);
            Assert.Equal($"tuiproc: keys file {Path.Combine(home, "tuiproc", "keys.json")}: no action is named \"frob\" (tuiproc keys lists them)\n", stderr);
            Assert.Matches(@"\n  pause-resume +\* z +pause / resume", stdout);
            Assert.Matches(@"\n  quit +q +quit", stdout);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task KeysCommand_Defaults_PrintsAFileThatReadsBackWithoutAProblem()
    {
        string home = Directory.CreateTempSubdirectory("tuiproc-keys-").FullName;
        try
        {
            Dictionary<string, string> env = new() { ["XDG_CONFIG_HOME"] = home };
            (int code, string starter, _) = await Tuiproc.RunAsync(env, "keys", "--defaults");
            Assert.Equal(0, code);
            Put(home, starter);

            (int again, string stdout, string stderr) = await Tuiproc.RunAsync(env, "keys");

            Assert.Equal((0, ""), (again, stderr));
            Assert.DoesNotContain("  * ", stdout, StringComparison.Ordinal); // every key as it was
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>A left click at 0-based (<paramref name="column"/>, <paramref name="row"/>) as an xterm sends it in SGR mode (1006): press, then release.</summary>
    private static void Click(TmuxApp app, int column, int row)
    {
        app.Keys("-l", $"\u001b[<0;{column + 1};{row + 1}M");
        app.Keys("-l", $"\u001b[<0;{column + 1};{row + 1}m");
    }

    private static void Put(string configHome, string content)
    {
        string dir = Path.Combine(configHome, "tuiproc");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "keys.json"), content);
    }

    private static void Until(Func<bool> condition, string what) =>
        Tuiproc.UntilAsync(condition, what).GetAwaiter().GetResult();
}
