using System.Globalization;
using System.Text.RegularExpressions;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// What a newcomer sees, in the real app in tmux: every refused value in a dialog is on the screen whole
/// (x, T and a lab's typed answer showed nothing; s, c and m cut the message at one line), the m dialog
/// and the help fit 60×16 (they were cut on both sides) and the help scrolls to its last line, a long
/// header message wraps instead of ending at the edge, and the first screen says what to do first.
/// </summary>
public sealed partial class UiRefusalsShownTests
{
    public static TheoryData<string, string> Commands => new()
    {
        { "ls | wc", "shell syntax '|' in command 'ls | wc' is not supported: the command runs without a shell (quote it to pass it literally)" },
        { "echo $(rm -rf /)", "shell syntax '$' in command 'echo $(rm -rf /)' is not supported: the command runs without a shell (quote it to pass it literally)" },
        { "nosuchprog_xyz", "command not found: nosuchprog_xyz (not on PATH)" },
        { "/etc/passwd", "/etc/passwd is not executable (chmod +x, or run it through its interpreter, e.g. python3 /etc/passwd)" },
        { "echo 'unbalanced", "unterminated single quote in command 'echo 'unbalanced'" },
        { "/tmp", "/tmp is a directory, not a program" },
    };

    [Fact]
    public void At80x24_EveryRefusedValue_IsShownWhole_AndTheFirstScreenSaysWhatToDo()
    {
        using TmuxApp app = TmuxApp.Start([], width: 80, height: 24);

        string first = Flat(app.Screen());
        Assert.Contains("Nothing runs yet", first, StringComparison.Ordinal);
        Assert.Contains("s spawn a worker", first, StringComparison.Ordinal);
        Assert.Contains("? every key", first, StringComparison.Ordinal);
        Assert.Contains("tuiproc lab 1", first, StringComparison.Ordinal);

        foreach ((string command, string message) in Commands.Select(r => ((string)r[0], (string)r[1])))
        {
            app.Keys("x");
            app.WaitFor("Run a command as a worker");
            app.Keys("-l", "--", command);
            app.Keys("Enter");
            AssertDialogShows(app, message);
            Close(app, "Run a command as a worker");
        }

        Refuse(app, "s", "Spawn square N", ["Tab", "Tab"], "-1", "work ms must be a whole number from 0 to 3,600,000, got '-1'");
        Refuse(app, "c", "Spawn cube N", [], "12a", "N must be an integer, got '12a'");
        Refuse(app, "m", "Start a pool", ["Tab", "Tab", "Tab", "Tab", "Tab"], "x", "wait ms must be a whole number from 0 to 3,600,000, got 'x'");

        app.Keys("s");
        app.WaitFor("Spawn square N");
        app.Keys("Enter");
        app.WaitUntil(s => !s.Contains("Spawn square N", StringComparison.Ordinal) && !s.Contains("Nothing runs yet", StringComparison.Ordinal), "the worker, and the first steps gone");

        foreach (string timeout in new[] { "-1", "abc", "86400" })
        {
            Refuse(app, "T", "with a timeout", [], timeout, $"timeout must be a number of seconds above 0 and up to 3600, got '{timeout}'");
        }
    }

    [Fact]
    public void At60x16_ThePoolDialogAndTheHelp_FitTheScreen_AndTheHelpScrollsToItsEnd()
    {
        using TmuxApp app = TmuxApp.Start([], width: 60, height: 16);
        Assert.Contains("tuiproc lab 1", Flat(app.Screen()), StringComparison.Ordinal); // the first steps, short form

        app.Keys("m");
        string pool = app.WaitFor("Start a pool");
        AssertWholeBox(pool);
        foreach (string shown in new[] { "kind", "square or cube", "1..20 or 2,3,5", "1 to ", "0 = at once", "CPU per step", "blocked per step", "Cancel", "Start ◄" })
        {
            Assert.Contains(shown, pool, StringComparison.Ordinal);
        }

        Refuse(app, "", "Start a pool", ["Tab"], "1..100001", "inputs: range '1..100001' has 100,001 inputs; at most 100,000 are accepted", open: false);

        app.Keys("?");
        string help = app.WaitFor("tuiproc keys");
        AssertWholeBox(help);
        Assert.Contains("more lines", help, StringComparison.Ordinal);
        for (int i = 0; i < 40; i++)
        {
            app.Keys("Down");
        }

        string end = app.WaitFor("starting, ended.");
        AssertWholeBox(end);
        app.Keys("Escape");
        app.WaitUntil(s => !s.Contains("tuiproc keys", StringComparison.Ordinal), "the help closed");
    }

    [Fact]
    public void LongHeaderMessage_At80Columns_WrapsOverRows_Whole()
    {
        using TmuxApp app = TmuxApp.Start([], width: 80, height: 24, prepare: home =>
        {
            Directory.CreateDirectory(Path.Combine(home, "tuiproc"));
            File.WriteAllText(Path.Combine(home, "tuiproc", "settings.json"), "not json");
        });
        string file = Path.Combine(app.ConfigHome, "tuiproc", "settings.json");

        string screen = app.WaitUntil(s => Header(s).Contains("using the defaults", StringComparison.Ordinal), "the settings problem in the header");
        int processes = Array.FindIndex(screen.Split('\n'), r => r.Contains("┤Processes", StringComparison.Ordinal));
        string header = Header(screen);

        Assert.True(processes >= 2, $"the message took one row only:\n{screen}");
        Assert.Contains(file, header, StringComparison.Ordinal);
        Assert.Contains("using the defaults", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Lab1_WrongTypedAnswer_SaysNotQuite_InTheDialog()
    {
        using TmuxApp app = TmuxApp.Start(["lab", "1"], width: 80, height: 24, waitFor: "Lab 1 · 6 of 7", prepare: SixStepsDone);

        app.Keys("a");
        app.WaitFor("Answer: ");
        app.Keys("-l", "--", "Cube: 28");
        app.Keys("Enter");
        string shown = AssertDialogShows(app, "not quite: look again at what the panels show, and try again");

        Assert.Contains("Answer: ", shown, StringComparison.Ordinal); // still open
    }

    private static readonly string[] FirstSixSteps = ["start-square", "start-cube", "results-printed", "join-both", "exitcode", "cube-3"];

    /// <summary>Saved progress of lab 1 with steps 1 to 6 done: it opens on step 7, a typed question.</summary>
    private static void SixStepsDone(string home)
    {
        string dir = Path.Combine(home, "state", "tuiproc", "labs");
        Directory.CreateDirectory(dir);
        string at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        string steps = string.Join(", ", FirstSixSteps.Select(s => $"\"{s}\": {{ \"doneAt\": \"{at}\" }}"));
        File.WriteAllText(Path.Combine(dir, "1.json"), $$"""{ "format": "tuiproc-lab-progress/1", "lab": "1", "title": "Lab 1", "startedAt": "{{at}}", "activeSeconds": 60, "steps": { {{steps}} } }""");
    }

    /// <summary>The rows above the Processes panel, joined by spaces.</summary>
    private static string Header(string screen)
    {
        string[] rows = screen.Split('\n');
        int processes = Array.FindIndex(rows, r => r.Contains("┤Processes", StringComparison.Ordinal));
        return string.Join(" ", rows[..Math.Max(0, processes)].Select(r => r.Trim()));
    }

    /// <summary>Opens a dialog with <paramref name="key"/>, tabs to a field, types into it, Enter; the message is shown whole; Esc.</summary>
    private static void Refuse(TmuxApp app, string key, string title, string[] tabs, string text, string message, bool open = true)
    {
        if (open)
        {
            app.Keys(key);
            app.WaitFor(title);
        }

        if (tabs.Length > 0)
        {
            app.Keys(tabs);
        }

        app.Keys(["End", .. Enumerable.Repeat("BSpace", 12)]);
        app.Keys("-l", "--", text); // -- : a value such as -1 is not a flag of send-keys
        app.Keys("Enter");
        AssertDialogShows(app, message);
        Close(app, title);
    }

    /// <summary>Waits until the dialog's rows, read as one text, contain <paramref name="message"/> whole.</summary>
    private static string AssertDialogShows(TmuxApp app, string message) =>
        app.WaitUntil(s => DialogText(s).Contains(message, StringComparison.Ordinal), $"the whole message \"{message}\" in the dialog", TimeSpan.FromSeconds(15));

    private static void Close(TmuxApp app, string title)
    {
        app.Keys("Escape");
        app.WaitUntil(s => !s.Contains(title, StringComparison.Ordinal), "the dialog closed");
    }

    /// <summary>The text inside a dialog's double border (║ … ║), its rows joined by spaces.</summary>
    private static string DialogText(string screen) =>
        Spaces().Replace(string.Join(" ", screen.Split('\n').Select(r => r.Split('║')).Where(p => p.Length >= 3).Select(p => p[1].Trim())), " ");

    /// <summary>The screen's text without the panel borders, spaces collapsed.</summary>
    private static string Flat(string screen) => Spaces().Replace(screen.Replace("│", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal), " ");

    /// <summary>The dialog's box is whole: its top corners, its bottom corners, and every row between has both sides.</summary>
    private static void AssertWholeBox(string screen)
    {
        string[] rows = screen.Split('\n');
        int top = Array.FindIndex(rows, r => r.Contains('╔', StringComparison.Ordinal));
        int bottom = Array.FindIndex(rows, r => r.Contains('╚', StringComparison.Ordinal));
        Assert.True(top >= 0 && bottom > top, $"no whole dialog box on the screen:\n{screen}");
        Assert.Contains('╗', rows[top]);
        Assert.Contains('╝', rows[bottom]);
        for (int r = top + 1; r < bottom; r++)
        {
            Assert.True(rows[r].Count(c => c == '║') >= 2, $"row {r} of the dialog has lost a side:\n{screen}");
        }
    }

    [GeneratedRegex(" +")]
    private static partial Regex Spaces();
}
