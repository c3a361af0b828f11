using System.Diagnostics.CodeAnalysis;

namespace TuiProcManager.Headless;

/// <summary>
/// The files <c>tuiproc run</c> writes (<c>--results</c>, <c>--events</c>), opened before anything starts:
/// a path that cannot be written (a directory, a missing folder, no permission) is a usage error, not a
/// run whose results are lost.
/// </summary>
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

    /// <summary>Opens the files given (either may be null); a one-line <paramref name="error"/> and none left open when one cannot be.</summary>
    public static bool TryOpen(string? eventsPath, string? resultsPath, [NotNullWhen(true)] out RunFiles? files, [NotNullWhen(false)] out string? error)
    {
        files = null;
        ResultsFileWriter? results = null;
        EventLogWriter? events = null;
        if ((resultsPath is not null && !ResultsFileWriter.TryOpen(resultsPath, out results, out error))
            || (eventsPath is not null && !EventLogWriter.TryOpen(eventsPath, out events, out error)))
        {
            results?.Dispose();
            return false;
        }

        files = new RunFiles(results, events);
        error = null;
        return true;
    }

    public void Dispose()
    {
        Results?.Dispose();
        Events?.Dispose();
    }
}
