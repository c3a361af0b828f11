using System.Text.Json;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Labs;

/// <summary>
/// <c>tuiproc lab check LAB FILE</c> on streams recorded from real runs: the right workers tick the steps,
/// the near misses do not, and the problems with LAB or FILE are one line and exit code 2. Files cut or
/// broken mid-way: <see cref="LabCheckFileTests"/>.
/// </summary>
public sealed class LabCheckCommandTests : IDisposable
{
    private readonly LabStateHome _state = new();

    private Task<(int Code, string Stdout, string Stderr)> Tuiproc(params string[] args) => _state.Tuiproc(args);

    [Fact]
    public async Task Check_ARecordedRunOfTheLessonsProgram_TicksItsFirstFourSteps_NotTheQuestion()
    {
        // Steps slow enough for the two workers to be seen running at the same moment (lab 1's step 2):
        // instant ones may each end before the other is seen running.
        using TempFile events = new(".jsonl");
        Assert.Equal(0, (await Tuiproc("run", "--events", events.Path, "--steps", "4", "--work-ms", "150", "--wait-ms", "50", "square:10", "cube:10")).Code);

        (int code, string stdout, _) = await Tuiproc("lab", "check", "1", events.Path);

        Assert.Equal(1, code); // not every step: the questions were not answered
        Assert.Contains("done     1 Start a square worker with N = 10", stdout, StringComparison.Ordinal);
        Assert.Contains("done     4 Join both workers: Done!", stdout, StringComparison.Ordinal);
        Assert.Contains("NOT DONE 5 What is p1.exitcode now? — not answered", stdout, StringComparison.Ordinal);
        Assert.Contains("4 of 7 steps done", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ARecordedRunWithTheWrongN_DoesNotTickTheStep_AndSaysWhatItWaitsFor()
    {
        using TempFile events = new(".jsonl");
        Assert.Equal(0, (await Tuiproc("run", "--events", events.Path, "square:9", "cube:10")).Code);

        (int code, string stdout, _) = await Tuiproc("lab", "check", "lesson", events.Path);

        Assert.Equal(1, code);
        Assert.Contains("NOT DONE 1 Start a square worker with N = 10 — waits for a square worker with N = 10 started", stdout, StringComparison.Ordinal);
        Assert.Contains("-        2 Start a cube worker with N = 10 — not reached", stdout, StringComparison.Ordinal); // cube 10 ran beside square 9, not square 10
        Assert.Contains("-        4 Join both workers: Done! — seen, but an earlier step comes first", stdout, StringComparison.Ordinal);
        Assert.Contains("0 of 7 steps done", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ARecordedPauseOnWaitRun_TicksTheModeTheTurnsAndTheRun()
    {
        using TempFile events = new(".jsonl");
        Assert.Equal(0, (await Tuiproc("run", "--events", events.Path, "--mode", "pause-on-wait", "--steps", "4", "--work-ms", "100", "--wait-ms", "150", "square:3", "cube:3", "square:4")).Code);

        (_, string stdout, _) = await Tuiproc("lab", "check", "4", events.Path);

        Assert.Contains("done     1 Switch to pause-on-wait with 1 slot", stdout, StringComparison.Ordinal);
        Assert.Contains("done     2 Start three workers and watch them take turns", stdout, StringComparison.Ordinal);
        Assert.Contains("done     3 Let the pause-on-wait run finish", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ARecordedParallelRun_DoesNotCountAsTakingTurns()
    {
        using TempFile events = new(".jsonl");
        Assert.Equal(0, (await Tuiproc("run", "--events", events.Path, "--steps", "4", "--work-ms", "100", "--wait-ms", "150", "square:3", "cube:3", "square:4")).Code);

        (_, string stdout, _) = await Tuiproc("lab", "check", "4", events.Path);

        Assert.Contains("NOT DONE 1 Switch to pause-on-wait with 1 slot", stdout, StringComparison.Ordinal);
        Assert.Contains("0 of 7 steps done", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_EveryEventTypeARealRunWrites_IsReadBack()
    {
        using TempFile events = new(".jsonl");
        await Tuiproc("run", "--events", events.Path, "--mode", "pause-on-wait", "--summary", "--steps", "2", "--work-ms", "50", "--wait-ms", "50", "square:3", "cube:3", "--cmd", "sh -c 'echo out; echo err >&2; exit 3'");
        using TempFile pool = new(".jsonl");
        await Tuiproc("run", "--events", pool.Path, "--pool", "2", "square:1..6");

        foreach (string file in new[] { events.Path, pool.Path })
        {
            (int code, string stdout, string stderr) = await Tuiproc("lab", "check", "5", file);
            Assert.True(code is 0 or 1, stderr);
            Assert.DoesNotContain("skipped", stdout, StringComparison.Ordinal); // every type known
        }

        string[] types = [.. File.ReadLines(events.Path).Concat(File.ReadLines(pool.Path)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("type").GetString()!).Distinct()];
        Assert.Subset(types.ToHashSet(), new HashSet<string> { "snapshot", "spawned", "output", "stateChanged", "signalSent", "ended", "joined", "scheduled", "poolStarted", "poolTaskAssigned", "result", "poolFinished" }); // the mode set on the command line is in the snapshot
    }

    public static TheoryData<string, string[], string> BadInput => new()
    {
        { "no such lab", ["lab", "check", "9", "/tmp/e.jsonl"], "tuiproc: no lab '9': the labs are 1 (lesson), 2 (cpus), 3 (signals), 4 (async), 5 (pool); or give the path of a lab file" },
        { "no such lab file", ["lab", "check", "/nonexistent/my.json", "/tmp/e.jsonl"], "tuiproc: lab file /nonexistent/my.json: does not exist" },
        { "no such events file", ["lab", "check", "1", "/nonexistent/e.jsonl"], "tuiproc: cannot read the events file '/nonexistent/e.jsonl': " },
        { "events file is a directory", ["lab", "check", "1", "/tmp"], "tuiproc: cannot read the events file '/tmp': it is a directory" },
        { "no events file", ["lab", "check", "1"], "Required argument 'FILE' missing for command: 'check' (see 'tuiproc lab check --help')" },
        { "no lab", ["lab", "check"], "Required argument 'LAB' missing for command: 'check'" },
        { "a UI option", ["lab", "check", "1", "/tmp/e.jsonl", "--theme", "x"], "Unrecognized command or argument '--theme'" },
        { "one argument too many", ["lab", "check", "1", "/tmp/e.jsonl", "square:10"], "Unrecognized command or argument 'square:10'" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Check_BadInput_OneLine_ExitTwo_NothingOnStdout(string @case, string[] args, string message)
    {
        (int code, string stdout, string stderr) = await Tuiproc(args);

        Assert.True(code == 2, $"{@case}: exit {code}, {stderr}");
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    public void Dispose() => _state.Dispose();
}
