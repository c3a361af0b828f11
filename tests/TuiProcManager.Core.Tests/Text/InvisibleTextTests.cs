using TuiProcManager.Core.Text;

namespace TuiProcManager.Core.Tests.Text;

/// <summary>
/// Worker output must not make the screen lie: a right-to-left override (U+202E) passed through raw made
/// text read backwards wherever the bidi algorithm applies. Bidi controls, line separators and invisible
/// format characters are shown as <c>&lt;U+XXXX&gt;</c>; text that needs its joiners keeps them.
/// </summary>
public sealed class InvisibleTextTests
{
    /// <summary>Unicode's Bidi_Control property, as PropList.txt lists it: twelve code points.</summary>
    public static TheoryData<int> BidiControls => [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069];

    [Theory]
    [MemberData(nameof(BidiControls))]
    public void Sanitize_EveryBidiControl_IsShownAsItsCodePoint(int codePoint)
    {
        string text = "exit " + char.ConvertFromUtf32(codePoint) + "0";

        string shown = TerminalText.Sanitize(text);

        Assert.Equal($"exit <U+{codePoint:X4}>0", shown);
    }

    [Fact]
    public void Sanitize_RightToLeftOverride_TheTextReadsInTheOrderItWasWritten()
    {
        Assert.Equal("file<U+202E>fdp.exe", TerminalText.Sanitize("file\u202Efdp.exe"));
    }

    [Theory]
    [InlineData("a\u2028b", "a<U+2028>b")] // line separator
    [InlineData("a\u2029b", "a<U+2029>b")] // paragraph separator
    [InlineData("squ\u200Bare", "squ<U+200B>are")] // zero-width space inside a word
    [InlineData("\uFEFFSquare", "<U+FEFF>Square")] // a byte-order mark mid-stream
    [InlineData("co\u00ADre", "co<U+00AD>re")] // soft hyphen: one cell in some terminals, none in others
    [InlineData("a\u2060b\u2064c", "a<U+2060>b<U+2064>c")] // word joiner, invisible plus
    [InlineData("\u3164", "<U+3164>")] // Hangul filler: draws as a blank
    [InlineData("ok\U000E0041\U000E0042", "ok<U+E0041><U+E0042>")] // tag characters: hidden ASCII
    [InlineData("\U0001D173beam", "<U+1D173>beam")] // musical format control
    public void Sanitize_InvisibleAndLineBreakingCharacters_AreShownAsCodePoints(string input, string expected) =>
        Assert.Equal(expected, TerminalText.Sanitize(input));

    [Theory]
    [InlineData("می\u200Cخواهم")] // ZWNJ in a Persian word
    [InlineData("👨\u200D👩\u200D👧")] // ZWJ emoji sequence
    [InlineData("✔\uFE0F done")] // emoji presentation selector
    [InlineData("Würfel: 1000 ✓ 平方")]
    [InlineData("𝐒quare 🎉")] // supplementary characters that are not special
    public void Sanitize_TextThatNeedsItsJoinersAndSelectors_IsLeftAsItIs(string text) =>
        Assert.Same(text, TerminalText.Sanitize(text));

    [Fact]
    public void Sanitize_EveryCodePoint_LeavesNoBidiControlNorFormatCharacterButTheKeptOnes()
    {
        HashSet<int> kept = [0x200C, 0x200D];
        for (int cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            string shown = TerminalText.Sanitize(char.ConvertFromUtf32(cp));
            bool bidi = cp is 0x061C or 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);
            if (bidi || cp is 0x2028 or 0x2029)
            {
                Assert.Equal($"<U+{cp:X4}>", shown);
            }

            Assert.DoesNotContain(shown, c => char.IsControl(c) && c != '\t');
            if (TerminalText.IsShownAsCodePoint(cp))
            {
                // Found wherever it is: after printable ASCII, a tab, Latin and CJK text.
                Assert.Equal($"ab\tcü平<U+{cp:X4}>d", TerminalText.Sanitize("ab\tcü平" + char.ConvertFromUtf32(cp) + "d"));
            }
        }

        // Every format character this runtime knows that the screen cannot show is either shown as its code point,
        // or one of the few that text needs (joiners) or that have a glyph of their own (Arabic number signs…).
        string[] visibleFormats = ["\u0600", "\u0601", "\u0602", "\u0603", "\u0604", "\u0605", "\u06DD", "\u070F", "\u0890", "\u0891", "\u08E2"];
        Assert.All(visibleFormats, f => Assert.Same(f, TerminalText.Sanitize(f)));
        Assert.All(kept, cp => Assert.Equal(char.ConvertFromUtf32(cp), TerminalText.Sanitize(char.ConvertFromUtf32(cp))));
    }

    [Fact]
    public void Sanitize_ALoneHighSurrogateOfASpecialBlock_IsKeptAsItIs_AndTheRestStillSanitized()
    {
        string text = "\uDB40x\u202E";
        Assert.Equal("\uDB40x<U+202E>", TerminalText.Sanitize(text));
    }

    [Fact]
    public void InputText_Shorten_ShowsALineSeparatorAsItsCodePoint_OnOneLine()
    {
        string shown = InputText.Shorten("a\u2028b");
        Assert.Equal("a<U+2028>b", shown);
    }
}
