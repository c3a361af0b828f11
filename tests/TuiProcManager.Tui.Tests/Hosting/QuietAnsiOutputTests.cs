using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Tests.TestSupport;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiProcManager.Tui.Tests.Hosting;

/// <summary>
/// What reaches the terminal (an SSH link) for a frame. Pins: Terminal.Gui 2.5.0 re-sent every cell a view
/// wrote even when the terminal already showed it (the Output panel's ListView rewrote the whole panel for
/// each new line, 12.5 KB/s for two workers printing 10 lines a second), and a move to column 0 of every
/// dirty row before the move to its first dirty cell.
/// </summary>
[Collection(GlobalUiState.Name)]
public sealed class QuietAnsiOutputTests
{
    private const int Cols = 40, Rows = 12;
    private static readonly Attribute Plain = new(Color.White, Color.Black);

    [Fact]
    public void AFrameThatChangesNothingOnScreen_WritesNothing()
    {
        QuietAnsiOutput output = new() { Transcript = new StringBuilder() };
        OutputBufferImpl buffer = Buffer();
        Put(buffer, 3, "uptime 0:07   waiting");
        output.Write(buffer);
        output.Transcript.Clear();

        Put(buffer, 3, "uptime 0:07   waiting"); // drawn again, the same
        output.Write(buffer);

        Assert.Equal("", output.Transcript.ToString());
    }

    [Fact]
    public void OneChangedCharacter_IsSentAlone_WithOneMove()
    {
        QuietAnsiOutput output = new() { Transcript = new StringBuilder() };
        OutputBufferImpl buffer = Buffer();
        Put(buffer, 3, "uptime 0:07   waiting");
        output.Write(buffer);
        output.Transcript.Clear();

        Put(buffer, 3, "uptime 0:08   waiting");
        output.Write(buffer);

        Assert.Equal("\u001b[4;11H", Moves(output.Transcript.ToString()));
        Assert.EndsWith("8", output.Transcript.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("uptime", output.Transcript.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LinesThatMovedUpByOne_AreScrolled_AndOnlyTheNewLineIsWritten()
    {
        QuietAnsiOutput output = new() { Transcript = new StringBuilder() };
        OutputBufferImpl buffer = Buffer();
        Put(buffer, 0, "Output · 1 ticker · 8 lines");
        for (int i = 1; i <= 8; i++)
        {
            Put(buffer, i + 1, Line(i));
        }

        Put(buffer, 10, "└" + new string('─', Cols - 2) + "┘");
        output.Write(buffer);
        output.Transcript.Clear();

        // A ninth line: the panel's rows 2..9 now show lines 2..9, as a ListView draws them (every cell dirty).
        Put(buffer, 0, "Output · 1 ticker · 9 lines");
        for (int i = 2; i <= 9; i++)
        {
            Put(buffer, i, Line(i));
        }

        output.Write(buffer);
        string sent = output.Transcript.ToString();

        Assert.Equal(1, output.Scrolls);
        Assert.Contains("\u001b7\u001b[3;10r\u001b[1S\u001b[r\u001b8", sent, StringComparison.Ordinal); // rows 3..10 (1-based) up by one
        Assert.Contains(Line(9), sent, StringComparison.Ordinal);
        Assert.DoesNotContain(Line(8), sent, StringComparison.Ordinal); // on the terminal already, one row up
        Assert.True(sent.Length < 200, $"{sent.Length} characters sent (a repaint of the 8 rows is over 320): {sent}");
    }

    [Fact]
    public void EveryCellDirty_AsAfterAResizeOrAClearedScreen_IsWrittenInFull()
    {
        QuietAnsiOutput output = new() { Transcript = new StringBuilder() };
        OutputBufferImpl buffer = Buffer();
        Put(buffer, 3, "uptime 0:07");
        output.Write(buffer);
        output.Transcript.Clear();

        buffer.ClearContents(); // every cell dirty: the terminal may show anything
        Put(buffer, 3, "uptime 0:07");
        output.Write(buffer);

        Assert.Contains("uptime 0:07", output.Transcript.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AFrameThatChangesSeveralRows_IsWrittenAtOnce()
    {
        // Pins: each run of changed cells was a write(2) of its own, so tmux (and a terminal behind a slow
        // link) could show half a frame: the header's new "3 workers" beside its old "Done!".
        QuietAnsiOutput output = new() { Transcript = new StringBuilder() };
        OutputBufferImpl buffer = Buffer();
        Put(buffer, 0, "tuiproc | 2 workers: 2 done | Done!");
        Put(buffer, 3, "uptime 0:07   waiting");
        Put(buffer, 7, "cube 2     ended");
        output.Write(buffer);
        long before = output.Writes;

        Put(buffer, 0, "tuiproc | 3 workers: 1 running 2 done |");
        Put(buffer, 3, "uptime 0:08   waiting");
        Put(buffer, 7, "cube 2     joined");
        output.Write(buffer);

        string sent = output.Transcript.ToString();
        Assert.Equal(1, output.Writes - before);
        Assert.Contains("3", sent, StringComparison.Ordinal);
        Assert.Contains("joined", sent, StringComparison.Ordinal);
        Assert.True(Moves(sent).Split('\u001b', StringSplitOptions.RemoveEmptyEntries).Length >= 3, "three rows changed: three runs, in the one write");
    }

    private static string Line(int i) => $"│  line {i}: {Convert.ToHexString(BitConverter.GetBytes(i * 2654435761L))}";

    private static OutputBufferImpl Buffer()
    {
        OutputBufferImpl buffer = new();
        buffer.SetSize(Cols, Rows);
        buffer.CurrentAttribute = Plain;
        return buffer;
    }

    /// <summary>Writes a whole row as a view would: every cell, padded with spaces.</summary>
    private static void Put(OutputBufferImpl buffer, int row, string text)
    {
        buffer.Move(0, row);
        buffer.AddStr(text.PadRight(Cols));
    }

    private static string Moves(string sent) =>
        string.Concat(System.Text.RegularExpressions.Regex.Matches(sent, "\u001b\\[[0-9]+;[0-9]+H").Select(m => m.Value));
}
