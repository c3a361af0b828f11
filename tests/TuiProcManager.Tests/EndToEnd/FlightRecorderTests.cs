using TuiProcManager.Core.Events;
using TuiProcManager.Sessions.Recording;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// Every session's flight recording, with real processes in a real terminal: the session's server records
/// from its first event to its end, what happens while nobody is attached included, in
/// <c>$XDG_STATE_HOME/tuiproc/sessions/NAME-START-PID/</c>, and the reader reads it back.
/// </summary>
public sealed class FlightRecorderTests
{
    private static readonly string[] Quick = ["--steps", "2", "--work-ms", "20", "--wait-ms", "20"];

    [Fact]
    public async Task ASession_IsRecorded_WhileDetachedToo_AndTheRecordingReadsBackWhole()
    {
        using TmuxApp app = TmuxApp.Start(["--session", "flight", .. Quick, "square:3"]);
        app.WaitFor("1 worker: 0 running 0 waiting 1 done");
        app.Keys("d");
        Assert.Equal(0, app.WaitForExit());
        IReadOnlyDictionary<string, string> env = app.SessionEnvironment;
        Assert.Equal(0, (await Tuiproc.RunAsync(env, ["ctl", "flight", "spawn", .. Quick, "cube:4"])).Code);
        Assert.Equal(0, (await Tuiproc.RunAsync(env, "ctl", "flight", "join", "all")).Code);
        Assert.Equal(0, (await Tuiproc.RunAsync(env, "ctl", "flight", "end")).Code);

        RecordingsFolder folder = new(Path.Combine(app.StateHome, "tuiproc", "sessions"));
        RecordingEntry entry = Assert.Single(folder.List());
        // The end frame is written once the supervisor's streams complete, as the server ends, after ctl's answer.
        await Tuiproc.UntilAsync(() => RecordingReader.Open(entry.Directory, out _)?.EndedBecause is not null, "the recording's end");
        Assert.Equal("flight", entry.Session);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(entry.Directory));
        string segment = Assert.Single(Directory.GetFiles(entry.Directory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(segment));

        RecordingReader reader = Assert.IsType<RecordingReader>(RecordingReader.Open(entry.Directory, out string? refusal), exactMatch: true);
        Assert.Null(refusal);
        Assert.Null(reader.Damage);
        Assert.Equal("ended by a client", reader.EndedBecause);
        Assert.Equal(entry.ServerPid, reader.ServerPid);
        string[] output = [.. reader.EventsAfter(reader.FirstSequence).OfType<OutputLine>().Select(l => l.Text)];
        Assert.Contains("Square: 9", output);
        Assert.Contains("Cube: 64", output); // its worker ran while nobody was attached
        RecordedMoment end = reader.HistoryAt(reader.EndTime);
        Assert.Equal(reader.LastSequence, end.Sequence);
        Assert.Equal(2, end.History.OfType<WorkerEnded>().Count());
        Assert.Contains(end.History.OfType<OutputLine>(), l => l.Text == "Cube: 64");
    }
}
