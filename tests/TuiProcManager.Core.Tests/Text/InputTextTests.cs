using TuiProcManager.Core.Text;

namespace TuiProcManager.Core.Tests.Text;

/// <summary>
/// The one Shorten every error message quotes through: whole up to the limit, cut with "..." past it,
/// never cut inside a surrogate pair (which prints as U+FFFD) or between a letter and its accent.
/// </summary>
public sealed class InputTextTests
{
    [Fact]
    public void Shorten_ExactlyAtTheLimit_IsWhole()
    {
        string text = new('a', InputText.MaxLength);
        Assert.Equal(text, InputText.Shorten(text));
    }

    [Fact]
    public void Shorten_OneOverTheLimit_IsCutWithDots_ToTheLimit()
    {
        string shown = InputText.Shorten(new string('a', InputText.MaxLength + 1));

        Assert.Equal(new string('a', InputText.MaxLength - 3) + "...", shown);
        Assert.Equal(InputText.MaxLength, shown.Length);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(InputText.MaxPathLength)]
    public void Shorten_AGivenLength_IsTheLimit(int maxLength)
    {
        Assert.Equal(new string('b', maxLength), InputText.Shorten(new string('b', maxLength), maxLength));
        Assert.Equal(new string('b', maxLength - 3) + "...", InputText.Shorten(new string('b', maxLength + 1), maxLength));
    }

    [Fact]
    public void Shorten_ControlCharactersThatGrowPastTheLimit_AreCut()
    {
        // 20 characters, 40 once shown (^A): whole at 40, cut at 39.
        string text = new('\u0001', 20);

        Assert.Equal(string.Concat(Enumerable.Repeat("^A", 20)), InputText.Shorten(text, 40));
        Assert.Equal(string.Concat(Enumerable.Repeat("^A", 18)) + "...", InputText.Shorten(text, 39));
    }

    [Fact]
    public void Shorten_ASurrogatePairAcrossTheCut_IsLeftOutWhole()
    {
        // 36 letters, then 😀 (two chars) on characters 37 and 38: a cut at 37 would keep half of it.
        string text = new string('a', 36) + "😀" + "tail";

        string shown = InputText.Shorten(text);

        Assert.Equal(new string('a', 36) + "...", shown);
        Assert.DoesNotContain(shown, char.IsSurrogate);
    }

    [Fact]
    public void Shorten_ASurrogatePairBeforeTheCut_IsKept()
    {
        string text = new string('a', 35) + "😀" + "tail";
        Assert.Equal(new string('a', 35) + "😀...", InputText.Shorten(text));
    }

    [Fact]
    public void Shorten_ALetterAndItsCombiningAccent_AreNotSeparated()
    {
        // "e" + U+0301 on characters 37 and 38: the cut keeps neither rather than an unaccented e.
        string text = new string('a', 36) + "e\u0301" + "tail";
        Assert.Equal(new string('a', 36) + "...", InputText.Shorten(text));
    }

    [Fact]
    public void Shorten_OneLetterUnderMoreAccentsThanFit_IsCutAtTheLimit_NotToNothing()
    {
        string text = "e" + new string('\u0301', 100);
        Assert.Equal(text[..37] + "...", InputText.Shorten(text));
    }

    [Fact]
    public void Shorten_ALengthWithNoRoomForACharacterAndTheDots_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InputText.Shorten("abcdef", 3));
}
