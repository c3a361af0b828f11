using System.Globalization;
using System.Text.RegularExpressions;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// The mouse as a terminal sends it: SGR reports (<c>CSI &lt; button;col;row M</c> for a press or a motion,
/// <c>m</c> for the release; the wheel is buttons 64 and 65, a motion with the left button held is 32) typed
/// into the app's terminal through tmux. Pins: the process table, drawn by hand, took no mouse; nothing let a
/// user keep the terminal's own selection (Terminal.Gui always turns mouse reports on).
/// </summary>
public sealed partial class UiMouseTests
{
    // Each worker prints 100 numbered lines at once, then one more every 100 ms: an Output panel to scroll
    // back in, whose tail keeps moving.
    private const string Worker = """
        import sys, time
        name = sys.argv[1]
        for i in range(1, 100000):
            print(f"{name} line {i}", flush=True)
            if i > 100:
                time.sleep(0.1)
        """;

    /// <summary>What a terminal sends for <paramref name="button"/> at a 0-based cell (a press, or with <paramref name="release"/> the release).</summary>
    private static string Sgr(int button, (int Row, int Col) at, bool release = false) =>
        string.Create(CultureInfo.InvariantCulture, $"\u001b[<{button};{at.Col + 1};{at.Row + 1}{(release ? 'm' : 'M')}");

    private static void Click(TmuxApp app, (int Row, int Col) at) => app.Keys("-l", Sgr(0, at) + Sgr(0, at, release: true));

    private static (int Row, int Col) Find(string screen, string text)
    {
        string[] rows = screen.Split('\n');
        for (int r = 0; r < rows.Length; r++)
        {
            int c = rows[r].IndexOf(text, StringComparison.Ordinal);
            if (c >= 0)
            {
                return (r, c);
            }
        }

        throw new Xunit.Sdk.XunitException($"'{text}' is not on the screen:\n{screen}");
    }

    /// <summary>The numbers of the output lines of <paramref name="name"/> on the screen.</summary>
    private static int[] Shown(string screen, string name) =>
        [.. OutputLine().Matches(screen).Where(m => m.Groups[1].Value == name).Select(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))];

    /// <summary>The second worker's row in the process table (its ID cell and its name's start).</summary>
    private const string SecondRow = "2 │python3"; // its first cell, inside the panel's border

    [GeneratedRegex(@"│  (alpha|beta) line (\d+) +│")]
    private static partial Regex OutputLine();

    [Fact]
    public void ClickSelectsTheSecondWorker_WheelScrollsItsOutputBackAndForth_ADragMovesABorder()
    {
        using TempFile script = new(".py", Worker);
        using TmuxApp app = TmuxApp.Start(["--cmd", $"python3 {script.Path} alpha", "--cmd", $"python3 {script.Path} beta"], width: 100, height: 30);
        Assert.Equal("1003 1006", app.MouseModes()); // Terminal.Gui asked the terminal for every report, in SGR form
        string screen = app.WaitFor("alpha line 100");

        Click(app, Find(screen, SecondRow)); // the NAME column shows the start of the command: the row by its ID
        screen = app.WaitUntil(s => s.Contains("Output · 2 python3", StringComparison.Ordinal) && Shown(s, "beta").Length > 0, "the second worker's output after a click on its row");
        Assert.Empty(Shown(screen, "alpha"));

        // The wheel up, four notches over the Output panel: back by 12 lines, and the tail no longer followed.
        (int Row, int Col) output = Find(screen, "beta line");
        int tail = Shown(screen, "beta").Max();
        app.Keys("-l", string.Concat(Enumerable.Repeat(Sgr(64, output), 4)));
        screen = app.WaitUntil(s => Shown(s, "beta") is { Length: > 0 } shown && shown.Max() < tail - 6, "the output scrolled back");
        int[] back = Shown(screen, "beta");
        Thread.Sleep(1000); // ten more lines are printed meanwhile
        Assert.Equal(back, Shown(app.Screen(), "beta"));

        // Down again, past the end: the tail is followed once more.
        app.Keys("-l", string.Concat(Enumerable.Repeat(Sgr(65, output), 10)));
        int end = Shown(app.WaitUntil(s => Shown(s, "beta") is { Length: > 0 } shown && shown.Max() > back.Max() + 10, "the tail again"), "beta").Max();
        app.WaitUntil(s => Shown(s, "beta") is { Length: > 0 } shown && shown.Max() > end, "the tail followed");

        // The border under the Processes panel, dragged down three rows: the middle row moves down with it.
        screen = app.Screen();
        (int states, int col) = Find(screen, "┤States├");
        (int Row, int Col) border = (states - 1, col + 20);
        app.Keys("-l", Sgr(0, border) + Sgr(32, (border.Row + 1, border.Col)) + Sgr(32, (border.Row + 3, border.Col)) + Sgr(0, (border.Row + 3, border.Col), release: true));
        app.WaitUntil(s => Find(s, "┤States├").Row == states + 3, "the States panel three rows lower");
    }

    [Fact]
    public void NoMouse_TheTerminalIsLeftWithMouseReportsOff_AndAClickSelectsNothing()
    {
        using TempFile script = new(".py", Worker);
        using TempFile sent = new(".out");
        using TmuxApp app = TmuxApp.Start(["--cmd", "sleep 100000"]); // the server's first terminal; the one under test comes next
        app.StartAnotherPiped(["--no-mouse", "--cmd", $"python3 {script.Path} alpha", "--cmd", $"python3 {script.Path} beta"], sent.Path);
        string screen = app.WaitFor("alpha line 100");
        app.StopPipe();
        Thread.Sleep(300); // the pipe's cat writes what it still holds

        // Terminal.Gui turned the reports on (1003, 1015, 1006) as it started; they were turned off after it.
        string bytes = File.ReadAllText(sent.Path);
        string[] modes = [.. MouseMode().Matches(bytes).Select(m => m.Value[3..])];
        Assert.Contains("1003h", modes);
        Assert.Equal(["1006l", "1015l", "1003l", "1002l", "1000l"], modes[^5..]);
        Assert.Equal("", app.MouseModes());

        Click(app, Find(screen, SecondRow)); // the NAME column shows the start of the command: the row by its ID
        Thread.Sleep(1000);
        Assert.Contains("Output · 1 python3", app.Screen(), StringComparison.Ordinal);
        app.Keys("Down");
        app.WaitFor("Output · 2 python3"); // the keys work as ever
    }

    [GeneratedRegex(@"\u001b\[\?10\d\d[hl]")]
    private static partial Regex MouseMode();
}
