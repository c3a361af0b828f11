using System.Diagnostics.CodeAnalysis;

namespace TuiProcManager.Headless;

/// <summary>
/// The files <c>tuiproc run</c> writes (<c>--results</c>, <c>--events</c>), opened before anything starts:
/// a path that cannot be written (a directory, a missing folder, no permission) is a usage error, not a
/// run whose results are lost.
/// </summary>
/// <remarks>
/// Both are opened first and truncated only when both could be: when one cannot, the other is left as
/// it was (or removed, if it was just created for this run).
/// </remarks>
internal sealed class RunFiles : IDisposable
{
    private RunFiles(ResultsFileWriter? results, EventLogWriter? events)
    {
        Results = results;
        Events = events;
    }

    /// <summary>Where the results table goes, or null.</summary>
    public ResultsFileWriter? Results { get; }

    /// <summary>Where every event goes, or null.</summary>
    public EventLogWriter? Events { get; }

    /// <summary>Opens the files given (either may be null); a one-line <paramref name="error"/>, and nothing changed, when one cannot be.</summary>
    public static bool TryOpen(string? eventsPath, string? resultsPath, [NotNullWhen(true)] out RunFiles? files, [NotNullWhen(false)] out string? error)
    {
        files = null;
        List<(FileStream File, string Path, bool Created)> opened = [];
        FileStream? results = null, events = null;
        if ((resultsPath is not null && !TryOpen(resultsPath, "results", 4096, opened, out results, out error))
            || (eventsPath is not null && !TryOpen(eventsPath, "events", 64 * 1024, opened, out events, out error)))
        {
            foreach ((FileStream file, string path, bool created) in opened)
            {
                file.Dispose();
                if (created)
                {
                    File.Delete(path);
                }
            }

            return false;
        }

        foreach ((FileStream file, _, _) in opened)
        {
            file.SetLength(0);
        }

        files = new RunFiles(results is null ? null : new ResultsFileWriter(results), events is null ? null : new EventLogWriter(events));
        error = null;
        return true;
    }

    public void Dispose()
    {
        Results?.Dispose();
        Events?.Dispose();
    }

    private static bool TryOpen(string path, string what, int bufferSize, List<(FileStream, string, bool)> opened, [NotNullWhen(true)] out FileStream? file, [NotNullWhen(false)] out string? error)
    {
        try
        {
            file = PrivateFile.Open(path, bufferSize, out bool created);
            opened.Add((file, path, created));
            error = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            file = null;
            error = $"cannot write the {what} file '{Core.Text.InputText.Shorten(path, 200)}': {e.Message.ReplaceLineEndings(" ")}";
            return false;
        }
    }
}
