using System.Globalization;
using System.Text;
using Terminal.Gui.Text;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// Cuts a message into lines of at most a given number of terminal columns: at spaces where it can, inside
/// a word only when the word alone is wider than a line (a long path, a pasted argument). Nothing is
/// dropped: every character of the message is on one of the lines, spaces at the cuts aside.
/// </summary>
internal static class TextWrap
{
    /// <summary>The lines of <paramref name="text"/> at <paramref name="width"/> columns (its own line breaks kept).</summary>
    public static List<string> Lines(string text, int width) => Lines(text, width, width);

    /// <summary>
    /// The lines of <paramref name="text"/>, the first at most <paramref name="firstWidth"/> columns (it may be
    /// empty when even the first word does not fit there), the others at most <paramref name="width"/>.
    /// </summary>
    public static List<string> Lines(string text, int firstWidth, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        width = Math.Max(1, width);
        List<string> lines = [];
        foreach (string paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            Paragraph(paragraph, lines.Count == 0 ? Math.Max(0, firstWidth) : width, width, lines);
        }

        return lines;
    }

    private static void Paragraph(string paragraph, int firstWidth, int width, List<string> lines)
    {
        StringBuilder line = new();
        int lineColumns = 0;
        bool any = false; // something (an indent's empty word too) is on the line: the next word needs a space
        bool continued = false; // the line continues the paragraph: no indent
        int limit = firstWidth;

        void Break()
        {
            lines.Add(line.ToString().TrimEnd(' '));
            line.Clear();
            lineColumns = 0;
            any = false;
            continued = true;
            limit = width;
        }

        // Split on single spaces: runs of spaces (an indent, aligned columns) are kept within a line.
        foreach (string word in paragraph.Split(' '))
        {
            if (word.Length == 0 && continued && !any)
            {
                continue; // no spaces at the start of a continuation line
            }

            int columns = word.GetColumns();
            int needed = any ? lineColumns + 1 + columns : columns;
            if (needed <= limit)
            {
                line.Append(any ? " " : "").Append(word);
                lineColumns = needed;
                any = true;
                continue;
            }

            if (word.Length == 0)
            {
                continue; // a space where the line ends anyway
            }

            if (any || (limit < width && columns <= width))
            {
                // The word goes to the next line (a first line too short for it is left as it is).
                Break();
                if (columns <= limit)
                {
                    line.Append(word);
                    lineColumns = columns;
                    any = true;
                    continue;
                }
            }

            // A word wider than a whole line: cut it, grapheme by grapheme, where each line ends.
            TextElementEnumerator graphemes = StringInfo.GetTextElementEnumerator(word);
            while (graphemes.MoveNext())
            {
                string g = graphemes.GetTextElement();
                int w = Math.Max(0, g.GetColumns());
                if (lineColumns + w > limit && (lineColumns > 0 || limit < width))
                {
                    Break();
                }

                line.Append(g);
                lineColumns += w;
                any = true;
            }
        }

        lines.Add(line.ToString().TrimEnd(' '));
    }
}
