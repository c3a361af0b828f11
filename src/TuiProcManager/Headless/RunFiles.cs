using System.Runtime.InteropServices;
using System.Diagnostics.CodeAnalysis;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Text;
using TuiProcManager.Linux.Files;

namespace TuiProcManager.Headless;

/// <summary>
/// The files <c>tuiproc run</c> and the UI write (<c>--results</c>, <c>--events</c>), opened before anything
/// starts: a path that cannot be written (a directory, a missing folder, no permission, a FIFO nobody
/// reads) is a usage error, not a run whose results are lost. How each is opened (what is created 0600,
/// what keeps its mode, what is written as a stream, when our own stdout is shared) is
/// <see cref="OutputFileOpener"/>'s.
/// </summary>
/// <remarks>
/// Both are opened first and an existing file is truncated only when both could be opened: when one
/// cannot, the other is left as it was (or removed, if it was just created for this run). Both naming one
/// file is refused (two writers would interleave a JSON array and JSON lines), unless it is a character
/// device opened by name (<c>/dev/null</c> twice swallows both).
/// </remarks>
internal sealed class RunFiles : IDisposable
{
    private RunFiles(ResultsFileWriter? results, EventLogWriter? events, SafeHandle? eventsHandle, EventsTarget eventsTarget, IReadOnlyList<string> notes)
    {
        Results = results;
        Events = events;
        EventsHandle = eventsHandle;
        EventsTarget = eventsTarget;
        Notes = notes;
    }

    /// <summary>Where the results table goes, or null.</summary>
    public ResultsFileWriter? Results { get; }

    /// <summary>Where every event goes, or null.</summary>
    public EventLogWriter? Events { get; }

    /// <summary>
    /// The events file's descriptor, for a process that writes it in our place (a session's server gets a
    /// copy: then <see cref="Events"/> is never attached, and is closed unwritten with the rest); null when none.
    /// </summary>
    public SafeHandle? EventsHandle { get; }

    /// <summary>
    /// Whether the events go to our own stdout or stderr (<c>--events /dev/stdout</c>): then the human
    /// output must keep off that stream, or the JSON lines are no longer JSON lines.
    /// </summary>
    public EventsTarget EventsTarget { get; }

    /// <summary>Lines to say before the run starts, each beginning <c>note: </c> (an existing file other users can read).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Opens the files given (either may be null); a one-line <paramref name="error"/>, and nothing changed, when one cannot be.</summary>
    public static bool TryOpen(string? eventsPath, string? resultsPath, [NotNullWhen(true)] out RunFiles? files, [NotNullWhen(false)] out string? error)
    {
        files = null;
        OutputFile? results = null, events = null;
        if ((resultsPath is not null && !TryOpen(resultsPath, "results", 4096, out results, out error))
            || (eventsPath is not null && !TryOpen(eventsPath, "events", 64 * 1024, out events, out error))
            || !TryCheckDistinct(results, events, out error)
            || !TryTruncate(results, "results", out error)
            || !TryTruncate(events, "events", out error))
        {
            results?.Discard();
            events?.Discard();
            return false;
        }

        EventsTarget target = events?.Kind switch
        {
            OutputFileKind.Stdout => EventsTarget.Stdout,
            OutputFileKind.Stderr => EventsTarget.Stderr,
            _ => EventsTarget.None,
        };
        string[] notes = [.. new[] { results?.Note, events?.Note }.OfType<string>()];
        files = new RunFiles(
            results is null ? null : new ResultsFileWriter(results.Stream, InputText.Shorten(results.Path, InputText.MaxPathLength)),
            events is null ? null : new EventLogWriter(events.Stream, $"the events file {InputText.Shorten(events.Path, InputText.MaxPathLength)}"),
            events?.Handle,
            target,
            notes);
        return true;
    }

    public void Dispose()
    {
        Results?.Dispose();
        Events?.Dispose();
    }

    private static bool TryOpen(string path, string what, int bufferSize, [NotNullWhen(true)] out OutputFile? file, [NotNullWhen(false)] out string? error)
    {
        if (OutputFileOpener.Instance.TryOpen(path, bufferSize, out file, out string? problem))
        {
            error = null;
            return true;
        }

        error = $"cannot write the {what} file '{InputText.Shorten(path, InputText.MaxPathLength)}': {problem}";
        return false;
    }

    private static bool TryCheckDistinct(OutputFile? results, OutputFile? events, [NotNullWhen(false)] out string? error)
    {
        string Quoted(OutputFile f) => $"'{InputText.Shorten(f.Path, InputText.MaxPathLength)}'";
        string Named(OutputFile a, OutputFile b) => a.Path == b.Path ? Quoted(a) : $"{Quoted(a)} and {Quoted(b)}";
        error = results is not null && events is not null && results.Identity == events.Identity
            && (results.Kind, events.Kind) is not (OutputFileKind.CharacterDevice, OutputFileKind.CharacterDevice)
            ? $"--events and --results name the same file ({Named(events, results)}); give each a file of its own"
            : null;
        return error is null;
    }

    private static bool TryTruncate(OutputFile? file, string what, [NotNullWhen(false)] out string? error)
    {
        error = null;
        try
        {
            file?.Truncate();
            return true;
        }
        catch (IOException e)
        {
            error = $"cannot write the {what} file '{InputText.Shorten(file!.Path, InputText.MaxPathLength)}': {e.Message.ReplaceLineEndings(" ")}";
            return false;
        }
    }
}
