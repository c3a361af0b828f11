using System.Globalization;
using System.Text;
using Terminal.Gui.Text;

namespace TuiProcManager.Tui.Views.Drawing;

/// <summary>
/// Wraps lines of text to a width in terminal columns, at spaces. A word is broken only when it is wider
/// than a whole row, and then it starts on a row of its own and is cut after punctuation where it can be
/// (<c>multiprocessing.Process(</c> / <c>target=print_square,</c>), else where the row ends.
/// Never inside a character (a surrogate pair, a combining sequence, a wide character).
/// </summary>
internal static class WordWrap
{
    /// <summary>Characters after which a word too long for a row may be cut, in preference to anywhere.</summary>
    private const string BreakAfter = ".,;:()[]{}=/\\-|&>"; // not _: it is inside identifiers

    /// <summary>
    /// Each of <paramref name="lines"/> cut into rows of at most <paramref name="width"/> columns; a line that
    /// fits is kept whole, spaces and all; continuation rows are indented two more than their line (at most
    /// half the width). Each row carries the index of its line.
    /// </summary>
    public static List<(string Text, int Line)> Wrap(IReadOnlyList<string> lines, int width)
    {
        ArgumentNullException.ThrowIfNull(lines);
        List<(string, int)> rows = [];
        for (int i = 0; i < lines.Count; i++)
        {
            foreach (string row in WrapLine(lines[i], Math.Max(1, width)))
            {
                rows.Add((row, i));
            }
        }

        return rows;
    }

    /// <summary>One line's rows.</summary>
    public static List<string> WrapLine(string line, int width)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.GetColumns() <= width)
        {
            return [line];
        }

        int leading = line.Length - line.TrimStart(' ').Length;
        string first = new(' ', Math.Min(leading, width / 2));
        string indent = new(' ', Math.Min(leading + 2, width / 2));
        List<string> rows = [];
        StringBuilder row = new(first);
        int rowColumns = first.Length;
        bool rowHasWords = false;
        foreach ((string spaces, string word) in Words(line, leading))
        {
            int wordColumns = word.GetColumns();
            if (rowHasWords && rowColumns + spaces.Length + wordColumns <= width)
            {
                row.Append(spaces).Append(word);
                rowColumns += spaces.Length + wordColumns;
                continue;
            }

            if (rowHasWords)
            {
                rows.Add(row.ToString());
                row.Clear().Append(indent);
                rowColumns = indent.Length;
            }

            // An empty row: the word starts here; if it is wider than the row, it is cut into pieces.
            string rest = word;
            while (rowColumns + rest.GetColumns() > width)
            {
                int cut = Cut(rest, width - rowColumns);
                rows.Add(row.Append(rest, 0, cut).ToString());
                row.Clear().Append(indent);
                rowColumns = indent.Length;
                rest = rest[cut..];
            }

            row.Append(rest);
            rowColumns += rest.GetColumns();
            rowHasWords = true;
        }

        rows.Add(row.ToString());
        return rows;
    }

    /// <summary>The words of <paramref name="line"/> after its leading spaces, each with the spaces before it.</summary>
    private static IEnumerable<(string Spaces, string Word)> Words(string line, int start)
    {
        int i = start;
        while (i < line.Length)
        {
            int wordStart = i;
            while (wordStart < line.Length && line[wordStart] == ' ')
            {
                wordStart++;
            }

            if (wordStart == line.Length)
            {
                yield break; // trailing spaces: nothing to show
            }

            int end = line.IndexOf(' ', wordStart);
            end = end < 0 ? line.Length : end;
            yield return (line[i..wordStart], line[wordStart..end]);
            i = end;
        }
    }

    /// <summary>
    /// Where to cut <paramref name="word"/> so that its head fits in <paramref name="columns"/>: after the
    /// last punctuation that leaves at least half the room used, else after as many whole characters as
    /// fit (at least one, so that a row always moves on).
    /// </summary>
    private static int Cut(string word, int columns)
    {
        int used = 0, fits = 0, punctuation = 0;
        TextElementEnumerator elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            string element = elements.GetTextElement();
            int w = Math.Max(0, element.GetColumns());
            if (used + w > columns)
            {
                break;
            }

            used += w;
            fits = elements.ElementIndex + element.Length;
            if (BreakAfter.Contains(element[0], StringComparison.Ordinal) && used * 2 >= columns)
            {
                punctuation = fits;
            }
        }

        if (fits == 0)
        {
            // Not even one character fits (a wide one in one column): it goes alone, the canvas clips it.
            return StringInfo.GetNextTextElementLength(word);
        }

        return punctuation > 0 && punctuation < word.Length ? punctuation : fits;
    }
}
