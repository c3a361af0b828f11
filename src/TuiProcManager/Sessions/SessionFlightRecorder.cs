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
    /// <param name="lab">The session's lab, if any: its answers and hints, and its progress at every change.</param>
    /// <param name="time">The clock of the lab's states (the supervisor's, so that replay shows them at their moments).</param>
    /// <param name="log">Says a line in the server's log (at start, on the calling thread).</param>
    public static SessionRecorder? TryStart(string name, DateTimeOffset started, Supervisor supervisor, SessionNotices notices, SessionLab? lab, TimeProvider time, Action<string> log)
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
        recorder.Start(supervisor);
        if (lab is not null)
        {
            LabKeeper keeper = lab.Keeper;
            keeper.Record += recorder.Write;
            // Pushed under the keeper's lock, the current progress first: Write only hands it to the recorder's
            // thread. The stream completes when the keeper is disposed, after the recorder (it is made first).
            _ = keeper.Progress.Subscribe(progress => recorder.Write(new RecordedLab(time.GetUtcNow(), keeper.Lab.Id, lab.Source, progress)));
        }

        log($"the flight recorder records in {directory} (at most {RecorderSettings.Format(settings.SessionBytes)})");
        return recorder;
    }
}
