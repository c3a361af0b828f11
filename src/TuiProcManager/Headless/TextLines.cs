using System.Text;

namespace TuiProcManager.Headless;

/// <summary>
/// The lines of a text, each with whether a newline ended it: the last line of a file whose writer was
/// killed, or whose disk filled, may lack one (File.ReadLines cannot tell).
/// </summary>
internal static class TextLines
{
    /// <summary>
    /// Every line of <paramref name="reader"/> split at '\n' (a '\r' before it is dropped, as File.ReadLines
    /// does), with <c>Ended</c> false only for a last piece that no newline ended. A text ending in a newline
    /// has no piece after it.
    /// </summary>
    public static IEnumerable<(string Text, bool Ended)> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        char[] buffer = new char[64 * 1024];
        StringBuilder partial = new();
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            int start = 0;
            int newline;
            while ((newline = Array.IndexOf(buffer, '\n', start, read - start)) >= 0)
            {
                string line = partial.Length == 0 ? new string(buffer, start, newline - start) : partial.Append(buffer, start, newline - start).ToString();
                partial.Clear();
                start = newline + 1;
                yield return (line.EndsWith('\r') ? line[..^1] : line, true);
            }

            partial.Append(buffer, start, read - start);
        }

        if (partial.Length > 0)
        {
            yield return (partial.ToString(), false);
        }
    }
}
