using System.Collections;

namespace TuiProcManager.Linux.Processes;

/// <summary>The environment every child gets: ours (the launcher adds the orphan guard's mark).</summary>
/// <remarks>
/// PYTHONUNBUFFERED is deliberately not set, although a Python worker's prints then arrive in blocks
/// (stdout is a pipe, so Python buffers it) rather than line by line: unbuffered, print() writes the text
/// and the newline separately, and two processes printing at once interleave mid-line ("Square: 100Cube:
/// 1000"), which is worse than late. To see lines live, print with <c>flush=True</c>: each line and its
/// newline then go out in one write() (a line up to the 8 KiB buffer; measured on CPython 3.8–3.13).
/// <c>python3 -u</c> is PYTHONUNBUFFERED=1 again, and splits them.
/// </remarks>
internal static class ChildEnvironment
{
    /// <summary>Our environment as <c>KEY=VALUE</c> entries.</summary>
    public static List<string> Build()
    {
        List<string> entries = [];
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            // An outer tuiproc's mark is kept: if this tuiproc runs as another's worker, the outer guard
            // must find our children too.
            entries.Add((string)e.Key + "=" + (string?)e.Value);
        }

        return entries;
    }
}
