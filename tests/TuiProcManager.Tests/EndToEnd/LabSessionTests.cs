using System.Text.Json;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// A lab in a session, with real processes in a real terminal: the session server decides the lab from every
/// event, those that happen while nobody is attached too, and saves it; attach shows it; ls names the lab.
/// </summary>
public sealed class LabSessionTests
{
    [Fact]
    public async Task Lab_AStepDoneWhileDetached_IsTickedAndSavedByTheServer_AndAttachShowsIt_AndTheEventsFileHasItAll()
    {
        using TempFile events = new(".jsonl");
        using TmuxApp app = TmuxApp.Start(["lab", "1", "--session", "lab-s", "--events", events.Path], width: 160, height: 45, waitFor: "Step 1 of 7");
        app.Keys("d");
        Assert.Equal(0, app.WaitForExit());

        (int code, _, string refused) = await Tuiproc.RunAsync(app.SessionEnvironment, "ctl", "lab-s", "spawn", "square:10");
        Assert.True(code == 0, refused);
        string saved = Path.Combine(app.StateHome, "tuiproc", "labs", "1.json");
        await Tuiproc.UntilAsync(() => StepDone(saved, "start-square"), "the server to tick step 1 and save it, nobody attached");
        (_, string listed, _) = await Tuiproc.RunAsync(app.SessionEnvironment, "ls");
        Assert.Matches(@"lab-s +\d alive of 1 +0 +\d+s +1 ", listed);
        (int again, _, string said) = await Tuiproc.RunAsync(app.SessionEnvironment, "lab", "1");
        Assert.Equal((2, "tuiproc: lab 1 is open in session lab-s already: tuiproc attach lab-s goes back to it"), (again, said.Trim()));

        app.StartAnother(["attach", "lab-s"], waitFor: "Lab 1 · 1 of 7");
        app.Keys("h"); // a hint, decided and saved by the server
        app.WaitFor("Hint 1 of");
        await Tuiproc.UntilAsync(() => Hints(saved, "start-cube") == 1, "the hint saved by the server");

        app.Keys("q");
        Assert.Equal(0, app.WaitForExit());
        await Tuiproc.UntilAsync(() => !File.Exists(Path.Combine(app.RuntimeDir, "tuiproc", "lab-s.sock")), "the session ended by q");

        // The session's server wrote the events file: the worker that ran while nobody was attached, and the
        // hint given after the attach, are both in it.
        string[] lines = File.ReadAllLines(events.Path);
        Assert.All(lines, l => JsonDocument.Parse(l).Dispose());
        Assert.Contains(lines, l => l.Contains("\"type\":\"output\"", StringComparison.Ordinal) && l.Contains("Square: 100", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"type\":\"labHint\"", StringComparison.Ordinal) && l.Contains("\"step\":\"start-cube\"", StringComparison.Ordinal));
    }

    private static bool StepDone(string progress, string step) =>
        Read(progress) is { } steps && steps.GetProperty(step).GetProperty("doneAt").ValueKind == JsonValueKind.String;

    private static int Hints(string progress, string step) =>
        Read(progress) is { } steps ? steps.GetProperty(step).GetProperty("hintsShown").GetInt32() : 0;

    private static JsonElement? Read(string progress)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(progress));
            return document.RootElement.GetProperty("steps").Clone();
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null; // not written yet (or being replaced: it is moved into place whole)
        }
    }
}
