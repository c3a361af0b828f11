using System.Text;
using TuiProcManager.Linux.Processes;

namespace TuiProcManager.Linux.Tests.Processes;

public sealed class LineAssemblerTests
{
    private static List<string> Feed(LineAssembler a, params string[] chunks) => Feed(a, chunks.Select(Encoding.UTF8.GetBytes).ToArray());

    private static List<string> Feed(LineAssembler a, params byte[][] chunks)
    {
        List<string> lines = [];
        foreach (byte[] chunk in chunks)
        {
            a.Append(chunk, lines);
        }

        return lines;
    }

    [Fact]
    public void Append_LinesSplitAcrossReads_AreJoined()
    {
        Assert.Equal(["hello world", "second"], Feed(new LineAssembler(1024), "hel", "lo wo", "rld\nsec", "ond\n"));
    }

    [Fact]
    public void Append_CrLf_EndsALineWithoutTheCr() =>
        Assert.Equal(["a", "b\rc"], Feed(new LineAssembler(1024), "a\r\nb\rc\n"));

    [Fact]
    public void Append_MultibyteCharacterSplitAcrossReads_IsDecodedWhole()
    {
        byte[] euro = Encoding.UTF8.GetBytes("€\n"); // E2 82 AC 0A
        Assert.Equal(["€"], Feed(new LineAssembler(1024), euro[..1], euro[1..2], euro[2..]));
    }

    [Fact]
    public void Append_InvalidUtf8_BecomesReplacementCharacter() =>
        Assert.Equal(["a\uFFFDb"], Feed(new LineAssembler(1024), [[(byte)'a', 0xFF, (byte)'b', (byte)'\n']]));

    [Fact]
    public void Append_LineOverTheLimit_KeepsTheStartAndCountsTheRest()
    {
        LineAssembler a = new(10);
        List<string> lines = Feed(a, "0123456789ABCDEF", "GHIJ\nnext\n");
        Assert.Equal(["0123456789 … [line cut at 10 bytes]", "… [10 more bytes of the cut line dropped]", "next"], lines);
    }

    [Fact]
    public void Append_CutNeverSplitsACharacter()
    {
        List<string> lines = Feed(new LineAssembler(4), "abc€\n"); // € is 3 bytes: only "abc" fits
        Assert.Equal(["abc … [line cut at 3 bytes]", "… [3 more bytes of the cut line dropped]"], lines);
    }

    [Fact]
    public void Append_TenMegabyteLineWithoutNewline_IsShownAtOnce_AndMemoryStaysAtTheLimit()
    {
        LineAssembler a = new(1024);
        byte[] chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        List<string> lines = [];
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 160; i++)
        {
            a.Append(chunk, lines);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(new string('x', 1024) + " … [line cut at 1,024 bytes]", Assert.Single(lines)); // before any newline
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated taking in 10 MiB of one line");
        a.Flush(lines);
        Assert.Equal($"… [{(160 * 64 * 1024) - 1024:N0} more bytes of the cut line dropped]", lines[1]);
    }

    [Fact]
    public void Append_ResultsMode_ACutLineIsOneLineAtItsEnd()
    {
        LineAssembler a = new(10, showCutAtOnce: false);
        List<string> lines = Feed(a, "0123456789ABCDEF", "GHIJ");
        Assert.Empty(lines);
        a.Append("\nnext\n"u8, lines);
        Assert.Equal(["0123456789 … [line cut: 10 more bytes]", "next"], lines);
    }

    [Fact]
    public void Flush_PartialLine_IsEmitted_EmptyIsNot()
    {
        LineAssembler a = new(100);
        List<string> lines = Feed(a, "done\nlast");
        a.Flush(lines);
        a.Flush(lines);
        Assert.Equal(["done", "last"], lines);
    }
}
