using TuiProcManager.Tui.Views;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>
/// The wrapping under every refusal and header message: a message cut to one line at the dialog's or the
/// screen's width was how refusals went unseen. Nothing may be lost, no line may be wider than asked.
/// </summary>
public sealed class TextWrapTests
{
    public static TheoryData<string, int> Messages => new()
    {
        { "work ms must be a whole number from 0 to 3,600,000, got '-1'", 54 },
        { "shell syntax '|' in command 'ls | wc' is not supported: the command runs without a shell (quote it to pass it literally)", 20 },
        { "argument 2 of the command ('" + new string('a', 37) + "...') is 10,485,760 bytes; at most 131,071 are accepted", 10 },
        { "/a/very/long/path/" + new string('p', 300) + "/settings.json is not a regular file; using the defaults", 56 },
        { "漢字のメッセージ 漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字", 9 },
        { "x", 1 },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Lines_NoLineIsWiderThanAsked_AndNothingIsLost(string message, int width)
    {
        List<string> lines = TextWrap.Lines(message, width);

        Assert.All(lines, l => Assert.True(Terminal.Gui.Text.StringExtensions.GetColumns(l) <= width, $"'{l}' is wider than {width}"));
        Assert.Equal(message.Replace(" ", "", StringComparison.Ordinal), string.Concat(lines).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_CutsAtSpaces_WhenTheWordsFit()
    {
        Assert.Equal(["work ms must be a whole", "number from 0 to", "3,600,000, got '-1'"], TextWrap.Lines("work ms must be a whole number from 0 to 3,600,000, got '-1'", 24));
    }

    [Fact]
    public void Lines_KeepTheIndentAndAlignedSpaces_OfAParagraph_NotOfItsContinuations()
    {
        Assert.Equal(["  s   spawn a", "worker"], TextWrap.Lines("  s   spawn a worker", 13));
    }

    [Fact]
    public void Lines_AFirstLineTooShortForTheFirstWord_IsLeftEmpty()
    {
        Assert.Equal(["", "settings.json", "is broken"], TextWrap.Lines("settings.json is broken", 5, 13));
    }

    [Fact]
    public void Lines_KeepTheMessagesOwnLineBreaks()
    {
        Assert.Equal(["one", "two three"], TextWrap.Lines("one\ntwo three", 20));
    }
}
