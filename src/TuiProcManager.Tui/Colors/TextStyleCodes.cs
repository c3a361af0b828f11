using System.Text;
using Terminal.Gui.Drawing;

namespace TuiProcManager.Tui.Colors;

/// <summary>
/// The SGR codes that change the text style from one set of styles to another, as Terminal.Gui 2.5.0's
/// own (EscSeqUtils.CSI_AppendTextStyleChange, internal there): only the styles that change, with bold and
/// faint sharing their "off" code (22), so the one that stays is set again.
/// </summary>
internal static class TextStyleCodes
{
    private static readonly (TextStyle Style, int On, int Off)[] Codes =
    [
        (TextStyle.Bold, 1, 22), (TextStyle.Faint, 2, 22), (TextStyle.Italic, 3, 23), (TextStyle.Underline, 4, 24),
        (TextStyle.Blink, 5, 25), (TextStyle.Reverse, 7, 27), (TextStyle.Strikethrough, 9, 29),
    ];

    /// <summary>Appends one SGR sequence that turns <paramref name="previous"/> into <paramref name="next"/>; nothing when they are the same.</summary>
    public static void AppendChange(StringBuilder output, TextStyle previous, TextStyle next)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (previous == next)
        {
            return;
        }

        TextStyle changed = previous ^ next, off = changed & previous, on = changed & next;
        TextStyle kept = previous & next;
        List<int> codes = [];
        foreach ((TextStyle style, _, int offCode) in Codes)
        {
            if (off.HasFlag(style))
            {
                codes.Add(offCode);
            }
        }

        // 22 ends both bold and faint: one that stays is set again after it.
        if ((off & (TextStyle.Bold | TextStyle.Faint)) != 0)
        {
            on |= kept & (TextStyle.Bold | TextStyle.Faint);
        }

        foreach ((TextStyle style, int onCode, _) in Codes)
        {
            if (on.HasFlag(style))
            {
                codes.Add(onCode);
            }
        }

        output.Append("\u001b[").AppendJoin(';', codes.Distinct()).Append('m');
    }
}
