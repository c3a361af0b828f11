using System.Globalization;
using System.Text;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Tui.Models;

/// <summary>Turns worker text into what a terminal cell grid can show safely.</summary>
internal static class DisplayText
{
    /// <summary>
    /// Control characters made visible (<see cref="TerminalText.Sanitize"/>), tabs expanded to 8-column
    /// stops, and anything past <paramref name="maxChars"/> cut with a count, so that one enormous line
    /// costs the scrollback no more than <paramref name="maxChars"/>.
    /// </summary>
    public static string Prepare(string text, int maxChars)
    {
        string safe = TerminalText.Sanitize(text);
        if (safe.Contains('\t', StringComparison.Ordinal))
        {
            StringBuilder sb = new(safe.Length + 16);
            foreach (char c in safe)
            {
                if (c == '\t')
                {
                    sb.Append(' ', 8 - (sb.Length % 8));
                }
                else
                {
                    sb.Append(c);
                }
            }

            safe = sb.ToString();
        }

        return safe.Length <= maxChars
            ? safe
            : string.Create(CultureInfo.InvariantCulture, $"{safe.AsSpan(0, maxChars)} … [{safe.Length - maxChars} more characters]");
    }
}
