using Terminal.Gui.Text;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>
/// The lab panel broke an identifier across rows (<c>target=p</c> / <c>rint_square</c>): words are cut only
/// when wider than a row, and then after punctuation where possible, never inside a character.
/// </summary>
public sealed class WordWrapTests
{
    private const string Lesson = "The lesson starts p1 = multiprocessing.Process(target=print_square, args=(10,)) and calls p1.start().";

    public static TheoryData<int> Widths => [.. Enumerable.Range(8, 100)];

    [Theory]
    [MemberData(nameof(Widths))]
    public void Wrap_EveryRowFits_NothingIsLost_AndAWordThatFitsARowIsNeverCut(int width)
    {
        List<string> rows = WordWrap.WrapLine(Lesson, width);

        Assert.All(rows, r => Assert.True(r.GetColumns() <= width, $"'{r}' is wider than {width}"));
        Assert.Equal(Lesson.Replace(" ", "", StringComparison.Ordinal), string.Concat(rows).Replace(" ", "", StringComparison.Ordinal));
        foreach (string word in Lesson.Split(' ').Where(w => w.Length <= width - 2))
        {
            Assert.Contains(rows, r => r.Split(' ').Contains(word)); // whole, on one row
        }
    }

    [Fact]
    public void Wrap_AWordWiderThanARow_IsCutAfterPunctuation_NotInsideAnIdentifier()
    {
        List<string> rows = WordWrap.WrapLine(Lesson, 34);

        Assert.Contains(rows, r => r.EndsWith("multiprocessing.Process(target=", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.TrimStart().StartsWith("print_square,", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.EndsWith("target=p", StringComparison.Ordinal));
    }

    [Fact]
    public void Wrap_ALineThatFits_IsKeptWhole_ItsSpacesToo()
    {
        Assert.Equal(["1       501          3  square(4)"], WordWrap.WrapLine("1       501          3  square(4)", 40));
    }

    [Fact]
    public void Wrap_ContinuationsAreIndentedUnderTheirLine()
    {
        List<string> rows = WordWrap.WrapLine("  Trap: a SIGTERM stays pending on a stopped process", 24);

        Assert.StartsWith("  Trap:", rows[0], StringComparison.Ordinal);
        Assert.All(rows.Skip(1), r => Assert.StartsWith("    ", r, StringComparison.Ordinal));
    }

    [Fact]
    public void Wrap_WideCharacters_CountTwoColumns_AndAreNeverSplit()
    {
        string wide = string.Concat(Enumerable.Repeat("平方", 10)); // 40 columns, one word

        List<string> rows = WordWrap.WrapLine(wide, 15);

        Assert.All(rows, r => Assert.True(r.GetColumns() <= 15, r));
        Assert.Equal(wide, string.Concat(rows).Replace(" ", "", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Any(char.IsSurrogate));
    }

    [Fact]
    public void Wrap_TinyWidths_AlwaysMoveOn()
    {
        Assert.Equal("abc", string.Concat(WordWrap.WrapLine("abc", 1)));
        Assert.Equal("平方", string.Concat(WordWrap.WrapLine("平方", 1))); // a wide one alone on a row, clipped when drawn
    }
}
