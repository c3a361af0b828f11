using System.Drawing;
using System.Text;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TuiProcManager.Core.Os;
using TuiProcManager.Tui.Controllers;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>
/// Copying out of the Output panel: a selection by keys (v, arrows, y; Esc cancels) or by a mouse drag copies
/// the lines' text, never the panel's border or the stderr mark, to the clipboard (the OSC 52 written to the
/// terminal) and to a 0600 file the header names; y alone saves every line the panel holds.
/// </summary>
[Collection(GlobalUiState.Name)]
public sealed class OutputCopyTests : IDisposable
{
    private readonly EventBuilder _e = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("tpm-copies-").FullName;
    private readonly List<string> _sent = [];

    private Screen Open(int lines)
    {
        Screen s = new(100, 30);
        s.Main.WriteToTerminal = _sent.Add;
        s.Main.CopyFiles = new CopyFiles(_folder, TimeProvider.System);
        s.Feed(_e.Spawned(1));
        s.Feed([.. Enumerable.Range(0, lines).Select(i => _e.Line(1, $"line {i}", i == 8 ? OutputChannel.Stderr : OutputChannel.Stdout, i))]);
        return s;
    }

    /// <summary>The text the one OSC 52 written puts on the clipboard.</summary>
    private string Clipboard()
    {
        string sequence = Assert.Single(_sent);
        Assert.StartsWith("\u001b]52;c;", sequence, StringComparison.Ordinal);
        Assert.EndsWith("\u0007", sequence, StringComparison.Ordinal);
        return Encoding.UTF8.GetString(Convert.FromBase64String(sequence["\u001b]52;c;".Length..^1]));
    }

    private string SavedFile(Screen s)
    {
        string path = Assert.Single(Directory.GetFiles(_folder));
        Assert.Contains(path, s.Main.HeaderMessage, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        return File.ReadAllText(path);
    }

    [Fact]
    public void V_UpUp_Y_CopiesTheThreeLastLines_WithoutTheStderrMark_ToTheClipboardAndAFile()
    {
        using Screen s = Open(10);

        s.Press(Key.V);
        s.Press(Key.CursorUp);
        s.Press(Key.CursorUp);
        (int row7, int col) = s.Find("line 7");
        Assert.NotEqual(s.AttributeAt(s.Find("line 6").Row, col), s.AttributeAt(row7, col)); // drawn selected
        Assert.Equal(s.AttributeAt(row7, col), s.AttributeAt(s.Find("line 9").Row, col));
        s.Press(Key.Y);

        Assert.Equal("line 7\nline 8\nline 9", Clipboard());
        Assert.StartsWith($"copied 3 lines (OSC 52) · also in {_folder}/selection-", s.Main.HeaderMessage, StringComparison.Ordinal);
        Assert.Equal("line 7\nline 8\nline 9\n", SavedFile(s));
        Assert.NotEqual(s.AttributeAt(row7, col), s.AttributeAt(s.Find("line 9").Row, col)); // closed once copied
    }

    [Fact]
    public void V_Esc_CancelsTheSelection_CopiesNothing_AndEscStillNeverQuits()
    {
        using Screen s = Open(10);

        s.Press(Key.V);
        s.Press(Key.CursorUp);
        s.Press(Key.Esc);

        Assert.Equal("selection cancelled", s.Main.HeaderMessage);
        Assert.Empty(_sent);
        Assert.Empty(Directory.GetFiles(_folder));
        s.Press(Key.Esc);
        Assert.Equal("Esc closes a dialog; q quits", s.Main.HeaderMessage);
    }

    [Fact]
    public void V_Home_Enter_CopiesFromTheLastLineInViewToTheFirstHeld()
    {
        using Screen s = Open(30);

        s.Press(Key.V);
        s.Press(Key.Home);
        s.Press(Key.Enter);

        Assert.Equal(string.Join('\n', Enumerable.Range(0, 30).Select(i => $"line {i}")), Clipboard());
    }

    [Fact]
    public void LinesArriveAndFallOutWhileSelecting_TheSelectionStaysOnTheSameText()
    {
        using Screen s = Open(1_995); // the worker's scrollback holds 2,000
        s.Press(Key.V);
        s.Press(Key.CursorUp); // lines 1,993 and 1,994

        s.Feed([.. Enumerable.Range(1_995, 10).Select(i => _e.Line(1, $"line {i}", number: i))]); // 5 fall out
        s.Press(Key.Y);

        Assert.Equal("line 1993\nline 1994", Clipboard());
    }

    [Fact]
    public void Y_WithNoSelection_SavesEveryLineHeld_AndSaysHowManyEarlierOnesWereDropped()
    {
        using Screen s = Open(2_005);

        s.Press(Key.Y);

        string[] expected = [.. Enumerable.Range(5, 2_000).Select(i => $"line {i}")];
        Assert.Equal(string.Join('\n', expected), Clipboard());
        Assert.Equal(string.Join('\n', expected) + "\n", SavedFile(s));
        Assert.StartsWith($"copied 2,000 lines of 1 square 10 (OSC 52) · also in {_folder}/output-1_square_10-", s.Main.HeaderMessage, StringComparison.Ordinal);
        Assert.EndsWith(" · 5 earlier lines dropped (--events FILE keeps every line)", s.Main.HeaderMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void MouseDrag_OverThreeLines_CopiesThemOnRelease_AClickAloneCopiesNothing()
    {
        using Screen s = Open(10);
        (int row, int col) = s.Find("line 4");

        Mouse(s, col, row, MouseFlags.LeftButtonPressed);
        Mouse(s, col, row, MouseFlags.LeftButtonReleased);
        Assert.Empty(_sent);

        Mouse(s, col, row, MouseFlags.LeftButtonPressed);
        Mouse(s, col + 1, row + 1, MouseFlags.LeftButtonPressed | MouseFlags.PositionReport);
        Mouse(s, col + 3, row + 2, MouseFlags.LeftButtonPressed | MouseFlags.PositionReport);
        Mouse(s, col + 3, row + 2, MouseFlags.LeftButtonReleased);

        Assert.Equal("line 4\nline 5\nline 6", Clipboard());
        Assert.Equal("line 4\nline 5\nline 6\n", SavedFile(s));
    }

    private static void Mouse(Screen s, int col, int row, MouseFlags flags)
    {
        s.App.InjectMouse(new Mouse { ScreenPosition = new Point(col, row), Flags = flags });
        s.App.LayoutAndDraw();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
