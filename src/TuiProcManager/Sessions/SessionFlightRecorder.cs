using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Text;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Sessions.Recording;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions;

/// <summary>
/// Starts a session server's flight recorder (<see cref="SessionRecorder"/>): the settings from
/// <c>TUIPROC_RECORDER</c>, the recording's directory in the user's <see cref="RecordingsFolder"/>, the
/// oldest recordings of ended sessions pruned to the cap of all, the lab's answers and hints, and a failed
/// write said to every client. Whatever goes wrong here is said in the server's log and the session runs on
/// without a recording.
/// </summary>
internal static class SessionFlightRecorder
{
    /// <summary>The started recorder, or null (turned off, no home, a directory that cannot be made).</summary>
    /// <param name="name">The session's name.</param>
    /// <param name="started">When the server started.</param>
    /// <param name="supervisor">The session's supervisor: nothing may have spawned yet.</param>
    /// <param name="notices">Where a recording that stops is said.</param>
    /// <param name="keeper">The session's lab, if any.</param>
    /// <param name="log">Says a line in the server's log (at start, on the calling thread).</param>
    public static SessionRecorder? TryStart(string name, DateTimeOffset started, Supervisor supervisor, SessionNotices notices, LabKeeper? keeper, Action<string> log)
    {
        RecorderSettings settings = RecorderSettings.From(Environment.GetEnvironmentVariable(RecorderSettings.EnvironmentName), out string? problem);
        if (problem is not null)
        {
            log("tuiproc: " + problem);
        }

        if (!settings.Enabled)
        {
            log($"no flight recording: {RecorderSettings.EnvironmentName}=off");
            return null;
        }

        if (RecordingsFolder.ForUser(Environment.GetEnvironmentVariable) is not { } folder)
        {
            log("no flight recording: neither XDG_STATE_HOME nor HOME is set");
            return null;
        }

        string directory;
        try
        {
            directory = folder.Create(name, started, Environment.ProcessId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log($"no flight recording: cannot make its directory in {folder.Path}: {FileErrorText.Of(e)}");
            return null;
        }

        IReadOnlyList<string> pruned = folder.Prune(settings.AllBytes, except: directory);
        if (pruned.Count > 0)
        {
            log($"the flight recorder deleted the {pruned.Count} oldest recording(s) of ended sessions, past the cap of all ({RecorderSettings.Format(settings.AllBytes)}): {string.Join(", ", pruned.Select(Path.GetFileName))}");
        }

        SessionRecorder recorder = new(directory, name, started, Environment.ProcessId, settings) { Stopped = notices.Say };
        if (keeper is not null)
        {
            keeper.Record += recorder.Write;
        }

        recorder.Start(supervisor);
        log($"the flight recorder records in {directory} (at most {RecorderSettings.Format(settings.SessionBytes)})");
        return recorder;
    }
}
