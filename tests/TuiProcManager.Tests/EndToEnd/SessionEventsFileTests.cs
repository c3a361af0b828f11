using System.Text.Json;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// <c>tuiproc --events FILE</c> in a session, with real processes in a real terminal: the session's server
/// writes the file from the session's first event to its last, those that come while nobody is attached
/// included; a file that cannot be written is said to every client, those that attach later too; and
/// whoever ends the session hears whether the file is whole.
/// </summary>
public sealed class SessionEventsFileTests
{
    private static readonly string[] Quick = ["--steps", "2", "--work-ms", "20", "--wait-ms", "20"];

    [Fact]
    public async Task EventsFile_AWorkerSpawnedWhileDetached_IsInTheFile_WholeWhenCtlEndsTheSession()
    {
        using TempFile events = new(".jsonl");
        using TmuxApp app = TmuxApp.Start(["--session", "rec", "--events", events.Path, .. Quick, "square:3"]);
        app.WaitFor("1 worker: 0 running 0 waiting 1 done");
        app.Keys("d");
        Assert.Equal(0, app.WaitForExit());
        IReadOnlyDictionary<string, string> env = app.SessionEnvironment;

        Assert.Equal(0, (await Tuiproc.RunAsync(env, ["ctl", "rec", "spawn", .. Quick, "cube:4"])).Code);
        Assert.Equal(0, (await Tuiproc.RunAsync(env, "ctl", "rec", "join", "all")).Code);
        (int code, string said, string problem) = await Tuiproc.RunAsync(env, "ctl", "rec", "end");

        Assert.Equal((0, "session rec ended (0 workers terminated)", ""), (code, said.Trim(), problem));
        JsonElement[] recorded = [.. Tuiproc.ReadEvents(events.Path)];
        Assert.Equal("snapshot", recorded[0].GetProperty("type").GetString());
        string[] output = [.. recorded.Where(e => e.GetProperty("type").GetString() == "output").Select(e => e.GetProperty("text").GetString()!)];
        Assert.Contains("Square: 9", output);
        Assert.Contains("Cube: 64", output); // its worker ran while nobody was attached
        Assert.Equal(2, recorded.Count(e => e.GetProperty("type").GetString() == "ended"));
        Assert.DoesNotContain(recorded, e => e.GetProperty("type").GetString() == "eventsDropped");
    }

    [Fact]
    public async Task EventsFileOnAFullDisk_SaidToAClientThatAttachesLater_AndItsQuitExitsThree()
    {
        using TmuxApp app = TmuxApp.Start(["--session", "full", "--events", "/dev/full", .. Quick, "square:3"], width: 160, height: 40);
        app.WaitFor("cannot write the events file /dev/full: No space left on device");
        app.Keys("d");
        Assert.Equal(0, app.WaitForExit());

        app.StartAnother(["attach", "full"]);
        app.WaitFor("cannot write the events file /dev/full: No space left on device"); // said before this client came
        app.WaitFor("1 worker: 0 running 0 waiting 1 done");
        app.Keys("q");

        Assert.Equal(3, app.WaitForExit());
        await Tuiproc.UntilAsync(() => app.Transcript().Contains("tuiproc: cannot write the events file /dev/full: No space left on device", StringComparison.Ordinal), "the line on the way out");
    }
}
