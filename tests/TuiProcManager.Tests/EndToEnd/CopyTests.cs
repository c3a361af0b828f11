using System.Globalization;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// Copying out of the Output panel in a real terminal: tmux with <c>set-clipboard on</c> takes the app's OSC 52
/// into its paste buffer, which must hold exactly the lines' text (before, the terminal's own selection was the
/// only way, and it took the panel's borders and the neighbouring panels with it); y saves every line in a
/// 0600 file the header names.
/// </summary>
public sealed class CopyTests
{
    // 40 lines on stdout, the last on stderr (drawn with a mark that is not copied), then the worker waits.
    private const string Script = "for i in $(seq 1 40); do echo \"out $i\"; done; echo 'err 41' >&2; exec sleep 600\n";

    private static TmuxApp Start()
    {
        TmuxApp app = TmuxApp.Start(["--cmd", "sh out.sh"], prepare: home => File.WriteAllText(Path.Combine(home, "out.sh"), Script));
        app.SetServerOption("set-clipboard", "on");
        app.WaitFor("err 41");
        return app;
    }

    [Fact]
    public void Keys_V_UpUp_Y_PutExactlyTheThreeLastLinesInTmuxsBuffer()
    {
        using TmuxApp app = Start();

        app.Keys("v");
        app.WaitFor("selecting lines");
        app.Keys("Up", "Up", "y");
        app.WaitFor("copied 3 lines (OSC 52)");

        Assert.Equal("out 39\nout 40\nerr 41", app.NewestBuffer());
    }

    [Fact]
    public void MouseDrag_SgrSequences_PutExactlyTheDraggedLinesInTmuxsBuffer()
    {
        using TmuxApp app = Start();
        (int row, int col) = Find(app.Screen(), "out 38");

        // SGR (1006) reports, 1-based: press, two motions with the left button held, release.
        app.SendLiteral(Sgr(0, col + 1, row + 1, 'M'));
        app.SendLiteral(Sgr(32, col + 3, row + 2, 'M'));
        app.SendLiteral(Sgr(32, col + 3, row + 3, 'M'));
        app.SendLiteral(Sgr(0, col + 3, row + 3, 'm'));
        app.WaitFor("copied 3 lines (OSC 52)");

        Assert.Equal("out 38\nout 39\nout 40", app.NewestBuffer());
    }

    [Fact]
    public void Y_WithNoSelection_SavesEveryLineIn0600File_NamedInTheHeader_AndCopiesThem()
    {
        using TmuxApp app = Start();

        app.Keys("y");
        app.WaitFor("copied 41 lines of 1 sh out.sh");

        // The message wraps over the header's rows at spaces: the path, shorter than a row, is whole on one.
        string path = Assert.Single(Directory.GetFiles(Path.Combine(app.StateHome, "tuiproc", "copies")));
        string expected = string.Concat(Enumerable.Range(1, 40).Select(i => $"out {i}\n")) + "err 41\n";
        string[] header = [.. app.Screen().Split('\n').TakeWhile(row => !row.Contains("Processes", StringComparison.Ordinal)).Select(row => row.Trim())];
        Assert.Contains("(OSC 52) · also in", string.Join(' ', header), StringComparison.Ordinal);
        Assert.Contains(path, header);
        Assert.Equal(expected, File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(expected[..^1], app.NewestBuffer());
    }

    private static string Sgr(int button, int column, int row, char end) =>
        string.Create(CultureInfo.InvariantCulture, $"\u001b[<{button};{column};{row}{end}");

    private static (int Row, int Col) Find(string screen, string text)
    {
        string[] rows = screen.Split('\n');
        for (int r = 0; r < rows.Length; r++)
        {
            if (rows[r].IndexOf(text, StringComparison.Ordinal) is int c and >= 0)
            {
                return (r, c);
            }
        }

        throw new Xunit.Sdk.XunitException($"'{text}' is not on the screen:\n{screen}");
    }
}
