using System.Text.Json;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Headless;

/// <summary><c>tuiproc run --pool</c>, the real app with real pool workers.</summary>
public sealed class PoolRunTests
{
    [Fact]
    public async Task Pool_MapsARangeOverFourLongLivedWorkers_ResultsInInputOrder_ThenDone()
    {
        using TempFile events = new(".jsonl");

        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--pool", "4", "square:1..20", "--events", events.Path);

        Assert.True(code == 0, stderr);
        Assert.Equal([.. Enumerable.Range(1, 20).Select(n => $"square({n}) = {n * n}"), "Done!"], Lines(stdout));
        List<JsonElement> spawned = [.. Tuiproc.ReadEvents(events.Path).Where(e => e.GetProperty("type").GetString() == "spawned")];
        Assert.Equal(4, spawned.Count); // four processes for twenty inputs, not twenty
        Assert.All(spawned, e => Assert.Equal("pool", e.GetProperty("spec").GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Pool_Unordered_PrintsEveryResultOnce()
    {
        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--pool", "2", "--unordered", "cube:2,3,5", "square:1..3");

        Assert.True(code == 0, stderr);
        string[] lines = Lines(stdout);
        Assert.Equal("Done!", lines[^1]);
        Assert.Equal(
            ["cube(2) = 8", "cube(3) = 27", "cube(5) = 125", "square(1) = 1", "square(2) = 4", "square(3) = 9"],
            lines[..^1].Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PoolWorkerKilledMidTask_ThatInputFails_AReplacementFinishesTheRest_ExitOne()
    {
        using TempFile events = new(".jsonl");
        using Tuiproc.Running run = Tuiproc.Start("run", "--pool", "2", "--steps", "4", "--work-ms", "20", "--wait-ms", "150", "square:1..10", "--events", events.Path);
        await Tuiproc.UntilAsync(() => Types(events.Path).Count(t => t == "poolTaskAssigned") >= 2, "both workers busy");
        int victim = Tuiproc.ReportedPids(events.Path)[0];

        Tuiproc.Signal(victim, 9);
        (int code, string stdout, string stderr) = await run.EndAsync();

        Assert.True(code == 1, $"exit {code}\n{stdout}\n{stderr}");
        string[] lines = Lines(stdout);
        // Ten inputs, so that some are still waiting however late the kill lands on a loaded machine (with
        // six, a kill that came after the other worker had taken the last input left nothing to replace).
        Assert.Equal(11, lines.Length); // ten outcomes, then Done!
        string failed = Assert.Single(lines, l => l.Contains("failed", StringComparison.Ordinal));
        Assert.Contains("killed by SIGKILL", failed, StringComparison.Ordinal);
        Assert.Equal(9, lines.Count(l => l.Contains(" = ", StringComparison.Ordinal)));
        Assert.True(stderr.Contains("takes its place", StringComparison.Ordinal), $"{stderr}\n{string.Join(' ', Types(events.Path))}");
        Assert.Contains("poolWorkerReplaced", Types(events.Path));
        Assert.All(Tuiproc.ReportedPids(events.Path), pid => Assert.False(Tuiproc.IsAlive(pid)));
    }

    [Fact]
    public async Task Pool_CtrlC_TerminatesThePool_Exit130_NothingLeft()
    {
        using TempFile events = new(".jsonl");
        using Tuiproc.Running run = Tuiproc.Start("run", "--pool", "2", "--steps", "1000", "--wait-ms", "50", "square:1..10", "--events", events.Path);
        await Tuiproc.UntilAsync(() => Tuiproc.ReportedPids(events.Path).Length == 2, "both pool workers spawned");
        int[] workers = Tuiproc.ReportedPids(events.Path);

        Tuiproc.Signal(run.Pid, 2);
        (int code, _, string stderr) = await run.EndAsync();

        Assert.True(code == 130, $"exit {code}\n{stderr}");
        Assert.DoesNotContain("poolWorkerReplaced", Types(events.Path));
        Assert.All(workers, pid => Assert.False(Tuiproc.IsAlive(pid), $"pool worker {pid} outlived tuiproc"));
    }

    [Fact]
    public async Task Results_TheSharedTableAsJson_OwnerOnly_AndOutputThatLooksLikeAResultIsNotOne()
    {
        using TempFile results = new(".json");

        (int code, _, string stderr) = await Tuiproc.RunAsync(
            "run", "square:2", "cube:3", "--cmd", "echo ok square 10 100", "--cmd", "sh -c 'echo ok square 11 121 >&3'", "--results", results.Path);

        Assert.True(code == 1, stderr); // the second command has no fd 3: its shell fails
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(results.Path));
        Assert.Equal(
            [("square", "2", "4"), ("cube", "3", "27")],
            doc.RootElement.EnumerateArray()
                .Select(r => (r.GetProperty("kind").GetString()!, r.GetProperty("input").GetString()!, r.GetProperty("result").GetString()!))
                .OrderBy(r => r.Item1, StringComparer.Ordinal)
                .Reverse());
        Assert.All(doc.RootElement.EnumerateArray(), r => Assert.True(r.GetProperty("pid").GetInt32() > 0));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(results.Path));
    }

    [Fact]
    public async Task PauseOnWait_RunPrintsTheSummaryAfterDone()
    {
        (int code, string stdout, string stderr) = await Tuiproc.RunAsync(
            "run", "--mode", "pause-on-wait", "--slots", "1", "--steps", "2", "--work-ms", "30", "--wait-ms", "60", "square:3", "cube:3");

        Assert.True(code == 0, stderr);
        string[] lines = Lines(stdout);
        int done = Array.IndexOf(lines, "Done!");
        Assert.True(done > 0, stdout);
        Assert.StartsWith("Summary: makespan ", lines[done + 1], StringComparison.Ordinal);
        Assert.Contains("(pause-on-wait, 1 slot, 2 workers)", lines[done + 1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("one after another ≈", StringComparison.Ordinal));
        Assert.Contains("Square: 9", lines);
        Assert.Contains("Cube: 27", lines);
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private static List<string> Types(string eventsPath) =>
        [.. Tuiproc.ReadEvents(eventsPath).Select(e => e.GetProperty("type").GetString()!)];
}
