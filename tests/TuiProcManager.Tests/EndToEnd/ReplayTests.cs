using TuiProcManager.Sessions.Recording;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// <c>tuiproc replay</c> in a real terminal, of recordings made by real sessions: every panel as it was,
/// the player's keys, every acting key refused, nothing started; a damaged recording replayed up to its
/// damage with one line; files that are not recordings refused in one line, exit 2.
/// </summary>
public sealed class ReplayTests
{
    private static readonly string[] Slow = ["--steps", "3", "--work-ms", "100", "--wait-ms", "400"];

    [Fact]
    public async Task ARealSession_ReplaysAsItWas_SeeksBothWays_AndActsOnNothing()
    {
        using TmuxApp app = TmuxApp.Start(["--session", "lesson", .. Slow, "square:10", "cube:10"]);
        app.WaitFor("2 workers: 0 running 0 waiting 2 done", TimeSpan.FromSeconds(60));
        app.Keys("q");
        Assert.Equal(0, app.WaitForExit());
        RecordingEntry entry = Assert.Single(new RecordingsFolder(Path.Combine(app.StateHome, "tuiproc", "sessions")).List());
        await Tuiproc.UntilAsync(() => RecordingReader.Open(entry.Directory, out _)?.EndedBecause is not null, "the recording's end");

        app.StartAnother(["replay", "lesson"], waitFor: "replay of lesson"); // by the session's name: its newest recording
        app.WaitFor("playing ×1");
        app.Keys("End");
        // The header's clock and the panels are drawn from two sources (the clock, and the player's batches on
        // their way): for a moment the header may say "at the end" before the last batch is on screen.
        app.WaitUntil(s => BothDone(s) && s.Contains("at the end", StringComparison.Ordinal) && s.Contains("Square: 100", StringComparison.Ordinal),
            "both workers done, at the end, square's last line shown");

        app.Keys("Home");
        app.WaitFor("0 workers");
        app.Keys("Space");
        app.WaitFor("paused (×1; space plays)");
        app.Keys("Right"); // 10 s on, paused: past the end of this short recording, so at its end
        app.WaitUntil(s => BothDone(s) && s.Contains("paused", StringComparison.Ordinal), "both done, still paused");
        app.Keys("Left");
        app.WaitFor("(0:00 of ");
        app.WaitFor("0 workers");

        IReadOnlyList<int> started = app.Descendants();
        foreach (string key in new[] { "s", "k", "p", "K", "9", "w" })
        {
            app.Keys(key);
            app.WaitFor("replay: this is a recording: nothing in it can be changed");
            app.Keys("d"); // another line in its place, so that the next refusal is seen anew
            app.WaitFor("a replay has no session to leave running");
        }

        Assert.DoesNotContain("Spawn square N", app.Screen(), StringComparison.Ordinal);
        app.Keys("]");
        app.WaitFor("paused (×2; space plays)");
        app.Keys("q");
        Assert.Equal(0, app.WaitForExit());
        Assert.Empty(started); // a replay starts no process
    }

    /// <summary>The process table shows both workers done.</summary>
    private static bool BothDone(string screen) =>
        screen.Split('\n').Count(l => l.Contains("│done ", StringComparison.Ordinal) && (l.Contains("square 10", StringComparison.Ordinal) || l.Contains("cube 10", StringComparison.Ordinal))) == 2;

    [Fact]
    public async Task ADamagedRecording_ReplaysUpToTheDamage_WithOneLine_AndNonRecordingsAreRefused()
    {
        using TmuxApp app = TmuxApp.Start(["--session", "cut", "--steps", "1", "--work-ms", "10", "--wait-ms", "10", "square:3"]);
        app.WaitFor("1 worker: 0 running 0 waiting 1 done");
        app.Keys("q");
        Assert.Equal(0, app.WaitForExit());
        RecordingEntry entry = Assert.Single(new RecordingsFolder(Path.Combine(app.StateHome, "tuiproc", "sessions")).List());
        await Tuiproc.UntilAsync(() => RecordingReader.Open(entry.Directory, out _)?.EndedBecause is not null, "the recording's end");
        string segment = Assert.Single(Directory.GetFiles(entry.Directory));

        // Cut within its last frame (the end), as a killed writer leaves it.
        using (FileStream file = new(segment, FileMode.Open))
        {
            file.SetLength(file.Length - 5);
        }

        app.StartAnother(["replay", segment], waitFor: "replay of cut");
        app.Keys("End");
        string screen = app.WaitFor("Square: 9");
        Assert.Contains("is damaged at byte", string.Join(' ', screen.Split('\n').Select(l => l.Trim())), StringComparison.Ordinal); // the header's line, wrapped
        app.Keys("q");
        Assert.Equal(0, app.WaitForExit());

        string garbage = Path.Combine(app.ConfigHome, "garbage.tpr");
        File.WriteAllBytes(garbage, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 37))]);
        string huge = Path.Combine(app.ConfigHome, "huge.tpr");
        byte[] head = File.ReadAllBytes(segment)[..12]; // the magic and the format's version
        File.WriteAllBytes(huge, [.. head, 0xF0, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 1]); // a frame "of" 4 GiB
        foreach ((string file, string expected) in new[]
        {
            (garbage, "is not a tuiproc recording: garbage.tpr: its first bytes are not a tuiproc recording's"),
            (huge, "has nothing to replay"),
            (Path.Combine(app.ConfigHome, "none"), "no recording at"),
        })
        {
            (int code, string stdout, string stderr) = await Tuiproc.RunAsync(app.SessionEnvironment, "replay", file);
            Assert.True(code == 2, $"exit {code}: {stderr}");
            Assert.Equal("", stdout);
            Assert.Contains(expected, stderr, StringComparison.Ordinal);
            Assert.Equal(1, stderr.Count(c => c == '\n'));
        }
    }
}
