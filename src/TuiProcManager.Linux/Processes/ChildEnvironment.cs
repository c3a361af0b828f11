using System.Collections;

namespace TuiProcManager.Linux.Processes;

/// <summary>The environment every child gets: ours, plus the orphan guard's mark, plus unbuffered Python.</summary>
internal static class ChildEnvironment
{
    /// <summary>
    /// Our environment as <c>KEY=VALUE</c> entries with <paramref name="guardEntry"/> added, and
    /// <c>PYTHONUNBUFFERED=1</c> unless it is set: a Python worker's stdout is a pipe, so without it its
    /// prints would arrive in one block when it exits instead of line by line as they happen.
    /// </summary>
    public static List<string> Build(string guardEntry)
    {
        List<string> entries = [];
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            // An outer tuiproc's mark is kept: if this tuiproc runs as another's worker, the outer guard
            // must find our children too.
            entries.Add((string)e.Key + "=" + (string?)e.Value);
        }

        entries.Add(guardEntry);
        if (Environment.GetEnvironmentVariable("PYTHONUNBUFFERED") is null)
        {
            entries.Add("PYTHONUNBUFFERED=1");
        }

        return entries;
    }
}
