using System.Diagnostics.CodeAnalysis;
using System.Text;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Core.Workers;

/// <summary>
/// Splits a command typed as one string (<c>python3 lesson.py --n 10</c>) into an argument vector the
/// way a POSIX shell splits words, without ever running a shell.
/// </summary>
/// <remarks>
/// <para>
/// Supported: blanks separate words; <c>'single quotes'</c> keep everything literally;
/// <c>"double quotes"</c> keep everything but <c>\"</c>, <c>\\</c>, <c>\$</c> and <c>\`</c>; a backslash
/// outside quotes escapes the next character; a word that starts with an unquoted <c>~</c> or
/// <c>~/</c> gets the home directory.
/// </para>
/// <para>
/// Refused with a message, because no shell runs and the result would silently differ from what was
/// meant: unquoted <c>| &amp; ; &lt; &gt; ( ) $ `</c> (pipes, redirections, lists, expansions) and
/// <c>* ?</c> (globs). Quote them to pass them literally.
/// </para>
/// <para>
/// System.CommandLine's <c>CommandLineParser.SplitCommandLine</c> was considered: it follows the Windows
/// convention (double quotes only, no single quotes or backslash escapes), so <c>python3 -c 'print(1)'</c>
/// would not split as the user expects.
/// </para>
/// </remarks>
public static class CommandLineSplitter
{
    private const string Operators = "|&;<>()$`";
    private const string Globs = "*?";

    /// <summary>Splits <paramref name="text"/>; <paramref name="home"/> replaces a leading <c>~</c>.</summary>
    public static bool TrySplit(
        string text,
        string? home,
        [NotNullWhen(true)] out IReadOnlyList<string>? argv,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        argv = null;
        List<string> words = [];
        StringBuilder word = new();
        bool inWord = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is ' ' or '\t' or '\n')
            {
                EndWord();
                i++;
            }
            else if (c == '\'')
            {
                int end = text.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    error = $"unterminated single quote in command '{InputText.Shorten(text)}'";
                    return false;
                }

                word.Append(text, i + 1, end - i - 1);
                inWord = true;
                i = end + 1;
            }
            else if (c == '"')
            {
                if (!TryReadDoubleQuoted(text, ref i, word))
                {
                    error = $"unterminated double quote in command '{InputText.Shorten(text)}'";
                    return false;
                }

                inWord = true;
            }
            else if (c == '\\')
            {
                if (i + 1 < text.Length && text[i + 1] != '\n')
                {
                    word.Append(text[i + 1]);
                    inWord = true;
                }

                i += 2;
            }
            else if (Operators.Contains(c, StringComparison.Ordinal) || Globs.Contains(c, StringComparison.Ordinal))
            {
                string what = Globs.Contains(c, StringComparison.Ordinal) ? "glob" : "shell syntax";
                error = $"{what} '{c}' in command '{InputText.Shorten(text)}' is not supported: " +
                        "the command runs without a shell (quote it to pass it literally)";
                return false;
            }
            else if (c == '~' && !inWord && home is not null && (i + 1 == text.Length || text[i + 1] is '/' or ' ' or '\t'))
            {
                word.Append(home);
                inWord = true;
                i++;
            }
            else
            {
                word.Append(c);
                inWord = true;
                i++;
            }
        }

        EndWord();
        if (words.Count == 0)
        {
            error = "empty command: give a program to run, e.g. 'python3 lesson.py'";
            return false;
        }

        argv = words;
        error = null;
        return true;

        void EndWord()
        {
            if (inWord)
            {
                words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }
    }

    private static bool TryReadDoubleQuoted(string text, ref int i, StringBuilder word)
    {
        i++; // opening quote
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"')
            {
                i++;
                return true;
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
            {
                word.Append(text[i + 1]);
                i += 2;
                continue;
            }

            word.Append(c);
            i++;
        }

        return false;
    }
}
