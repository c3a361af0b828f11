using System.Globalization;

namespace TuiProcManager.Core.Text;

/// <summary>Quotes what a user typed inside an error message.</summary>
/// <remarks>
/// An error message is one line on a terminal, whatever was typed: control characters are shown as text
/// (<see cref="TerminalText.Sanitize"/>, which shows the Unicode line and paragraph separators as <c>&lt;U+2028&gt;</c>), and the text is
/// cut to <see cref="MaxLength"/> characters, so that a 10 MB argument gives a short message. A cut falls
/// between two text elements (what a reader sees as one character): never inside a surrogate pair, which
/// would print as U+FFFD, nor between a letter and its combining accents.
/// </remarks>
public static class InputText
{
    /// <summary>Longest quote, in characters, the "..." included.</summary>
    public const int MaxLength = 40;

    /// <summary>Longest quote of a file path: a path is worth more of the line than a typed word.</summary>
    public const int MaxPathLength = 200;

    private const string Ellipsis = "...";

    /// <summary>Returns <paramref name="text"/> safe to quote in a one-line message, at most <see cref="MaxLength"/> characters.</summary>
    public static string Shorten(string text) => Shorten(text, MaxLength);

    /// <summary>Returns <paramref name="text"/> safe to quote in a one-line message, at most <paramref name="maxLength"/> characters (a path, say).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 4: no room for a character and the "...".</exception>
    public static string Shorten(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, Ellipsis.Length + 1);

        // Cut first (a 10 MB argument is not sanitized whole), then make the rest visible, then cut again:
        // a control character becomes two to four characters, a bidi control eight (<U+202E>).
        string head = text.Length <= maxLength ? text : text[..maxLength];
        string shown = TerminalText.Sanitize(head);
        return shown.Length <= maxLength && head.Length == text.Length
            ? shown
            : shown[..CutAt(shown, maxLength - Ellipsis.Length)] + Ellipsis;
    }

    /// <summary>
    /// The length of the longest start of <paramref name="text"/> (longer than <paramref name="limit"/>)
    /// that ends between two text elements and fits in <paramref name="limit"/>. A first text element
    /// longer than the limit (a letter under dozens of combining marks) is cut at the limit instead, but
    /// not inside a surrogate pair: some of it is shown rather than nothing.
    /// </summary>
    private static int CutAt(string text, int limit)
    {
        int end = 0;
        while (end < text.Length)
        {
            int next = end + StringInfo.GetNextTextElementLength(text, end);
            if (next > limit)
            {
                break;
            }

            end = next;
        }

        if (end > 0)
        {
            return end;
        }

        return char.IsLowSurrogate(text[limit]) && char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }
}
