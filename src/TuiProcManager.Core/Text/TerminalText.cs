using System.Buffers;
using System.Globalization;
using System.Text;

namespace TuiProcManager.Core.Text;

/// <summary>Makes worker output safe to put on a terminal, and true to what the worker wrote.</summary>
/// <remarks>
/// <para>
/// Worker output is data, never terminal control: an ESC from a worker could move the cursor, clear the
/// screen, retitle the window or write the clipboard (OSC 52). Every C0 control character but tab, DEL,
/// and every C1 control character is replaced by a visible form: ESC by <c>^[</c>, BEL by <c>^G</c>,
/// DEL by <c>^?</c>, U+009B by <c>\x9B</c>.
/// </para>
/// <para>
/// Nor may it make the screen lie. Characters that reorder or hide text are shown as <c>&lt;U+202E&gt;</c>
/// (see <see cref="IsShownAsCodePoint"/>): the bidirectional controls (a right-to-left override turns
/// <c>exit 0; rm</c> into what reads as other text, in terminals and viewers that apply the bidi
/// algorithm, and anywhere the text is pasted), the line and paragraph separators, and invisible format
/// characters (a zero-width space inside a word, tag characters carrying hidden ASCII). What remains is
/// printable text, and what it looks like is what it is.
/// </para>
/// </remarks>
public static class TerminalText
{
    // Latin-1 only, so that the search is a vectorized bitmap: C0 but tab, DEL, C1, and the soft hyphen.
    private static readonly SearchValues<char> Latin1Special = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F" +
        "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F\u00AD");

    /// <summary>Returns <paramref name="text"/> with every control character made visible (tab is kept), and the characters of <see cref="IsShownAsCodePoint"/> as <c>&lt;U+XXXX&gt;</c>.</summary>
    /// <returns>The same instance when there was nothing to replace.</returns>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = IndexOfSpecial(text);
        if (first < 0)
        {
            return text;
        }

        StringBuilder sb = new(text.Length + 8);
        sb.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x20 && c != '\t')
            {
                sb.Append('^').Append((char)(c + 0x40));
            }
            else if (c == 0x7F)
            {
                sb.Append("^?");
            }
            else if (c is >= '\u0080' and <= '\u009F')
            {
                sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                && IsShownAsCodePoint(char.ConvertToUtf32(c, text[i + 1])))
            {
                AppendCodePoint(sb, char.ConvertToUtf32(c, text[i + 1]));
                i++;
            }
            else if (IsShownAsCodePoint(c))
            {
                AppendCodePoint(sb, c);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Whether <paramref name="codePoint"/> is shown as <c>&lt;U+XXXX&gt;</c> rather than as itself.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Unicode's Bidi_Control characters (PropList.txt): U+061C, U+200E, U+200F, U+202A–U+202E,
    /// U+2066–U+2069. They reorder the text around them.</item>
    /// <item>U+2028 and U+2029, the line and paragraph separators: a terminal does not break the line,
    /// an editor the text is pasted into does; in one line of a panel they would be invisible.</item>
    /// <item>Invisible characters that no worker needs in order to print text, and that hide or split what
    /// is shown: U+00AD (soft hyphen: terminals disagree on whether it takes a cell, so columns after it
    /// shift), U+180E, U+200B (zero-width space), U+2060–U+2065, U+206A–U+206F, U+FEFF, U+FFF0–U+FFFB,
    /// U+3164 and U+FFA0 (Hangul fillers that draw as blanks), U+1BCA0–U+1BCA3, U+1D173–U+1D17A, and
    /// U+E0000–U+E007F (tag characters: invisible ASCII).</item>
    /// </list>
    /// Kept as they are, although invisible, because text needs them: U+200C and U+200D (zero-width
    /// non-joiner and joiner: Persian and Indic words, emoji sequences), the variation selectors (emoji
    /// presentation, ideographic variants), U+034F, the Mongolian free variation selectors, U+115F and U+1160
    /// (conjoining Hangul fillers) and U+17B4–U+17B5. None of them reorders text or carries text of its own.
    /// </remarks>
    public static bool IsShownAsCodePoint(int codePoint) => codePoint switch
    {
        0x061C or 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) => true, // Bidi_Control
        0x2028 or 0x2029 => true,
        0x00AD or 0x180E or 0x200B or (>= 0x2060 and <= 0x2065) or (>= 0x206A and <= 0x206F) or 0xFEFF => true,
        (>= 0xFFF0 and <= 0xFFFB) or 0x3164 or 0xFFA0 => true,
        (>= 0x1BCA0 and <= 0x1BCA3) or (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE007F) => true,
        _ => false,
    };

    private static void AppendCodePoint(StringBuilder sb, int codePoint) =>
        sb.Append("<U+").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture)).Append('>');

    /// <summary>
    /// The first character that <see cref="Sanitize"/> replaces, or -1. Every line of worker output passes
    /// here, so it is vectorized searches: printable ASCII first, the Latin-1 ones in one set, then each
    /// place where the others live (U+2000–U+206F, a few single characters, U+FFF0–U+FFFB, three high
    /// surrogates), a candidate checked with <see cref="IsShownAsCodePoint"/>. Measured on 60-character
    /// lines (best of 15 rounds, on a loaded 2-core machine): ASCII 4 ns (5 ns with the C0/C1 check
    /// alone), CJK text 104 ns and Latin text with a symbol 171 ns (the C0/C1 check alone: 6 and 8 ns); one
    /// SearchValues of every special character took 355 ns on that Latin text (outside Latin-1 it is a
    /// probabilistic map).
    /// </summary>
    private static int IndexOfSpecial(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAnyExceptInRange(' ', '~') < 0)
        {
            return -1; // printable ASCII: most output
        }

        int latin1 = text.IndexOfAny(Latin1Special);
        ReadOnlySpan<char> head = latin1 < 0 ? text : text[..latin1];
        if (head.IndexOfAnyInRange('\u061C', '\uFFFF') < 0)
        {
            return latin1;
        }

        int offset = 0;
        while (Candidate(head) is var i and >= 0)
        {
            int at = offset + i;
            char c = text[at];
            bool special = char.IsHighSurrogate(c)
                ? at + 1 < text.Length && char.IsLowSurrogate(text[at + 1]) && IsShownAsCodePoint(char.ConvertToUtf32(c, text[at + 1]))
                : IsShownAsCodePoint(c);
            if (special)
            {
                return at;
            }

            head = head[(i + 1)..]; // a character of those blocks that is shown as itself (a dash, a quote)
            offset = at + 1;
        }

        return latin1;
    }

    /// <summary>The first place in <paramref name="text"/> where a special character other than Latin-1's may be; -1 if none.</summary>
    private static int Candidate(ReadOnlySpan<char> text)
    {
        int first = Earlier(text.IndexOfAnyInRange('\u2000', '\u206F'), text.IndexOfAny('\u061C', '\u180E', '\u3164'));
        first = Earlier(first, text.IndexOfAny('\uFEFF', '\uFFA0'));
        first = Earlier(first, text.IndexOfAnyInRange('\uFFF0', '\uFFFB'));
        return Earlier(first, text.IndexOfAny('\uD82F', '\uD834', '\uDB40'));
    }

    private static int Earlier(int a, int b) => a < 0 ? b : b < 0 ? a : Math.Min(a, b);
}
