using System.Buffers;
using System.Globalization;
using System.Text;

namespace TuiProcManager.Core.Text;

/// <summary>Makes worker output safe to put on a terminal.</summary>
/// <remarks>
/// Worker output is data, never terminal control: an ESC from a worker could move the cursor, clear the
/// screen, retitle the window or write the clipboard (OSC 52). Every C0 control character but tab, DEL,
/// and every C1 control character is replaced by a visible form: ESC by <c>^[</c>, BEL by <c>^G</c>,
/// DEL by <c>^?</c>, U+009B by <c>\x9B</c>. What remains is printable text.
/// </remarks>
public static class TerminalText
{
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F" +
        "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F");

    /// <summary>Returns <paramref name="text"/> with every control character made visible (tab is kept).</summary>
    /// <returns>The same instance when there was nothing to replace.</returns>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = text.AsSpan().IndexOfAny(Controls);
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
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
