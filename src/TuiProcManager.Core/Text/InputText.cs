namespace TuiProcManager.Core.Text;

/// <summary>Quotes what a user typed inside an error message.</summary>
/// <remarks>
/// An error message is one line on a terminal, whatever was typed: control characters are shown as text
/// (<see cref="TerminalText.Sanitize"/>, which shows the Unicode line and paragraph separators as <c>&lt;U+2028&gt;</c>), and the text is
/// cut to <see cref="MaxLength"/> characters, so that a 10 MB argument gives a short message.
/// </remarks>
public static class InputText
{
    /// <summary>Longest quote, in characters, the "..." included.</summary>
    public const int MaxLength = 40;

    /// <summary>Returns <paramref name="text"/> safe to quote in a one-line message, at most <see cref="MaxLength"/> characters.</summary>
    public static string Shorten(string text) => Shorten(text, MaxLength);

    /// <summary>Returns <paramref name="text"/> safe to quote in a one-line message, at most <paramref name="maxLength"/> characters (a path, say).</summary>
    public static string Shorten(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 4);

        // Cut first (a 10 MB argument is not sanitized whole), then make the rest visible, then cut again:
        // a control character becomes two to four characters, a bidi control eight (<U+202E>).
        string head = text.Length <= maxLength ? text : text[..maxLength];
        string shown = TerminalText.Sanitize(head);
        return shown.Length <= maxLength && head.Length == text.Length ? shown : shown[..Math.Min(shown.Length, maxLength - 3)] + "...";
    }
}
