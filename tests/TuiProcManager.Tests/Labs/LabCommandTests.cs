using System.Text.Json;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Labs;

/// <summary>
/// <c>tuiproc lab</c> on the command line: the list, bad lab names and files, <c>--check</c> on streams
/// recorded from real runs (the right workers, and the near misses), <c>--report</c> and <c>--reset</c>.
/// Every test has a state directory of its own (never the user's progress).
/// </summary>
public sealed class LabCommandTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("tuiproc-labcmd-").FullName;

    private Dictionary<string, string> Env => new() { ["XDG_STATE_HOME"] = Path.Combine(_home, "state") };

    private Task<(int Code, string Stdout, string Stderr)> Tuiproc(params string[] args) => TestSupport.Tuiproc.RunAsync(Env, args);

    [Fact]
    public async Task Lab_Alone_ListsTheShippedLabs_WithTheStudentsProgress()
    {
        (int code, string stdout, string stderr) = await Tuiproc("lab");

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        foreach (string lab in new[] { "1   lesson", "2   cpus", "3   signals", "4   async", "5   pool" })
        {
            Assert.Contains(lab, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("not started", stdout, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_home, "state", "tuiproc", "labs"), stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ARecordedRunOfTheLessonsProgram_TicksItsFirstFourSteps_NotTheQuestion()
    {
        // Steps slow enough for the two workers to be seen running at the same moment (lab 1's step 2):
        // instant ones may each end before the other is seen running.
        using TempFile events = new(".jsonl");
        Assert.Equal(0, (await Tuiproc("run", "--events", events.Path, "--steps", "4", "--work-ms", "150", "--wait-ms", "50", "square:10", "cube:10")).Code);

        (int code, string stdout, _) = await Tuiproc("lab", "1", "--check", events.Path);

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

        (int code, string stdout, _) = await Tuiproc("lab", "1", "--check", events.Path);

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

        (_, string stdout, _) = await Tuiproc("lab", "4", "--check", events.Path);

        Assert.Contains("done     1 Switch to pause-on-wait with 1 slot", stdout, StringComparison.Ordinal);
        Assert.Contains("done     2 Start three workers and watch them take turns", stdout, StringComparison.Ordinal);
        Assert.Contains("done     3 Let the pause-on-wait run finish", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ARecordedParallelRun_DoesNotCountAsTakingTurns()
    {
        using TempFile events = new(".jsonl");
        Assert.Equal(0, (await Tuiproc("run", "--events", events.Path, "--steps", "4", "--work-ms", "100", "--wait-ms", "150", "square:3", "cube:3", "square:4")).Code);

        (_, string stdout, _) = await Tuiproc("lab", "4", "--check", events.Path);

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
            (int code, string stdout, string stderr) = await Tuiproc("lab", "5", "--check", file);
            Assert.True(code is 0 or 1, stderr);
            Assert.DoesNotContain("skipped", stdout, StringComparison.Ordinal); // every type known
        }

        string[] types = [.. File.ReadLines(events.Path).Concat(File.ReadLines(pool.Path)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("type").GetString()!).Distinct()];
        Assert.Subset(types.ToHashSet(), new HashSet<string> { "snapshot", "spawned", "output", "stateChanged", "signalSent", "ended", "joined", "scheduled", "poolStarted", "poolTaskAssigned", "result", "poolFinished" }); // the mode set on the command line is in the snapshot
    }

    public static TheoryData<string, string[], string> BadInput => new()
    {
        { "no such lab", ["lab", "9"], "tuiproc: no lab '9': the labs are 1 (lesson), 2 (cpus), 3 (signals), 4 (async), 5 (pool); or give the path of a lab file" },
        { "no such lab file", ["lab", "/nonexistent/my.json"], "tuiproc: lab file /nonexistent/my.json: does not exist" },
        { "a lab file that is a directory", ["lab", "/tmp/"], "tuiproc: lab file /tmp/: a directory, not a regular file" },
        { "no such events file", ["lab", "1", "--check", "/nonexistent/e.jsonl"], "tuiproc: cannot read the events file '/nonexistent/e.jsonl': " },
        { "events file is a directory", ["lab", "1", "--check", "/tmp"], "tuiproc: cannot read the events file '/tmp': it is a directory" },
        { "--check without a file", ["lab", "1", "--check"], "--check" },
        { "unknown mode in a lab", ["lab", "1", "--mode", "turbo"], "--mode must be parallel or pause-on-wait, got 'turbo'" },
        { "bad worker spec in a lab", ["lab", "1", "square:x"], "N must be an integer, got 'x'" },
        { "unwritable report", ["lab", "1", "--report", "/nonexistent/r.md"], "tuiproc: cannot write the report to /nonexistent/r.md: " },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Lab_BadInput_OneLine_ExitTwo_NothingStarted(string @case, string[] args, string message)
    {
        (int code, string stdout, string stderr) = await Tuiproc(args);

        Assert.True(code == 2, $"{@case}: exit {code}, {stderr}");
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task Check_AFileWithALineThatIsNotAnEvent_NamesTheLine()
    {
        using TempFile events = new(".jsonl");
        Assert.Equal(0, (await Tuiproc("run", "--events", events.Path, "square:2")).Code);
        File.AppendAllText(events.Path, "{\"type\": \"spawned\", \"worker\": \"one\"}\nnot json\n");
        int line = File.ReadAllLines(events.Path).Length - 1;

        (int code, _, string stderr) = await Tuiproc("lab", "1", "--check", events.Path);

        Assert.Equal(2, code);
        Assert.StartsWith($"tuiproc: {events.Path}:{line}: not an event", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_LinesOfUnknownTypes_AreSkippedAndCounted()
    {
        using TempFile events = new(".jsonl");
        Assert.Equal(0, (await Tuiproc("run", "--events", events.Path, "square:10", "cube:10")).Code);
        File.AppendAllText(events.Path, "{\"type\": \"fromTheFuture\", \"sequence\": 999}\n");

        (int code, string stdout, _) = await Tuiproc("lab", "1", "--check", events.Path);

        Assert.Equal(1, code);
        Assert.Contains("(1 line of types this tuiproc does not know was skipped)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lab_AMalformedLabFile_NamesTheFileLineAndProblem_AndStartsNothing()
    {
        using TempFile lab = new(".json", "{\n  \"format\": \"tuiproc-lab/1\",\n  \"id\": \"x\",\n  \"nme\": \"y\"\n}\n");

        (int code, _, string stderr) = await Tuiproc("lab", lab.Path);

        Assert.Equal(2, code);
        Assert.Equal($"tuiproc: lab file {lab.Path}:4:3: unknown field \"nme\" in the lab (expected $schema, format, id, name, title, summary, steps)\n", stderr);
    }

    [Fact]
    public async Task Lab_WithoutATerminal_SaysSo_AndHowToCheckARunInstead()
    {
        (int code, _, string stderr) = await Tuiproc("lab", "1");

        Assert.Equal(2, code);
        Assert.Contains("the UI needs a terminal", stderr, StringComparison.Ordinal);
        Assert.Contains("tuiproc lab 1 --check FILE", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_WithoutATerminal_RefusesAsTheUIDoes_AndForgetsNothing()
    {
        string saved = Path.Combine(_home, "state", "tuiproc", "labs", "1.json");
        Directory.CreateDirectory(Path.GetDirectoryName(saved)!);
        File.WriteAllText(saved, """{"format": "tuiproc-lab-progress/1", "lab": "1", "title": "t", "steps": {}}""");

        (int code, _, string stderr) = await Tuiproc("lab", "1", "--reset");

        Assert.Equal(2, code);
        Assert.Contains("the UI needs a terminal", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(saved));
    }

    [Fact]
    public async Task Report_WithoutProgress_IsAnEmptyReport_ToAFileItIsForTheUserOnly_JsonByItsExtension()
    {
        (int code, string stdout, _) = await Tuiproc("lab", "2", "--report");
        Assert.Equal(0, code);
        Assert.Contains("| steps done | 0 of 5 |", stdout, StringComparison.Ordinal);

        string file = Path.Combine(_home, "r.json");
        Assert.Equal(0, (await Tuiproc("lab", "2", "--report", file)).Code);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("tuiproc-lab-report/1", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("stepCount").GetInt32());
    }

    [Fact]
    public async Task Check_ARecorderKilledMidFlood_GradesWhatCameBeforeTheCutLine_AndSaysSoOnce()
    {
        // A writer SIGKILLed mid-line leaves a last line cut short; --check once refused the whole file
        // for it (exit 2).
        using TempFile events = new(".jsonl");
        using (TestSupport.Tuiproc.Running recorder = TestSupport.Tuiproc.Start("run", "--events", events.Path, "--cmd", "seq 1 3000000"))
        {
            await TestSupport.Tuiproc.UntilAsync(() => File.Exists(events.Path) && new FileInfo(events.Path).Length > 0, "the recorder wrote its first events");
            await Task.Delay(300);
            TestSupport.Tuiproc.Signal(recorder.Pid, 9);
            await recorder.EndAsync();
        }

        int[] workers = TestSupport.Tuiproc.ReportedPids(events.Path);
        await TestSupport.Tuiproc.UntilAsync(() => workers.All(pid => !TestSupport.Tuiproc.IsAlive(pid)), "the orphan guard stopped the worker of the killed recorder");
        byte[] bytes = File.ReadAllBytes(events.Path);
        int tail = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        if (tail == bytes.Length || IsJson(bytes.AsSpan(tail)))
        {
            // The kill landed between two writes (the file ends in a whole line, or a whole object whose
            // newline was not written yet): cut the last line in half by hand, as a kill mid-write does.
            int start = tail == bytes.Length ? Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1 : tail;
            File.WriteAllBytes(events.Path, bytes[..(start + ((bytes.Length - start) / 2))]);
        }

        (int code, string stdout, string stderr) = await Tuiproc("lab", "1", "--check", events.Path);

        Assert.True(code is 0 or 1, $"exit {code}: {stderr}");
        Assert.Equal("", stderr);
        Assert.Single(stdout.Split('\n'), l => l.StartsWith($"note: the last line of {events.Path} is cut (its writer stopped mid-line); the ", StringComparison.Ordinal) && l.EndsWith(" events before it were checked", StringComparison.Ordinal));
        Assert.Contains("NOT DONE 1 Start a square worker with N = 10", stdout, StringComparison.Ordinal); // graded: a seq worker is no square
    }

    [Fact]
    public async Task Check_ACutLastLine_IsDropped_TheEventsBeforeItAreGradedAsUsual()
    {
        using TempFile events = new(".jsonl");
        Assert.Equal(0, (await Tuiproc("run", "--events", events.Path, "--steps", "4", "--work-ms", "150", "--wait-ms", "50", "square:10", "cube:10")).Code);
        int whole = File.ReadAllLines(events.Path).Length;
        File.AppendAllText(events.Path, "{\"type\":\"output\",\"channel\":\"stdout\",\"text\":\"Squ");

        (int code, string stdout, string stderr) = await Tuiproc("lab", "1", "--check", events.Path);

        Assert.Equal((1, ""), (code, stderr)); // as without the cut line: the questions were not answered
        Assert.Contains("4 of 7 steps done", stdout, StringComparison.Ordinal);
        Assert.Contains($"checked against {events.Path} ({whole} events)", stdout, StringComparison.Ordinal);
        Assert.EndsWith($"note: the last line of {events.Path} is cut (its writer stopped mid-line); the {whole} events before it were checked\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NulBytesAtTheEnd_AreTheCutTail()
    {
        // A file system after a crash may show the unwritten end of a file as zeros.
        using TempFile events = new(".jsonl");
        Assert.Equal(0, (await Tuiproc("run", "--events", events.Path, "--steps", "4", "--work-ms", "150", "--wait-ms", "50", "square:10", "cube:10")).Code);
        File.AppendAllText(events.Path, "{\"type\":\"out" + new string('\0', 300));

        (int code, string stdout, string stderr) = await Tuiproc("lab", "1", "--check", events.Path);

        Assert.Equal((1, ""), (code, stderr));
        Assert.Contains("4 of 7 steps done", stdout, StringComparison.Ordinal);
        Assert.Contains($"note: the last line of {events.Path} is cut", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AMalformedMiddleLine_IsStillAnError_EvenWithACutLineAfterIt()
    {
        using TempFile events = new(".jsonl");
        Assert.Equal(0, (await Tuiproc("run", "--events", events.Path, "square:2")).Code);
        List<string> lines = [.. File.ReadAllLines(events.Path)];
        lines.Insert(2, "{\"type\": \"spawned\", \"work");
        File.WriteAllText(events.Path, string.Join('\n', lines) + "\n{\"type\":\"ou");

        (int code, string stdout, string stderr) = await Tuiproc("lab", "1", "--check", events.Path);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"tuiproc: {events.Path}:3: not an event", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Check_ALastLineWithoutANewline_ThatIsWholeJsonButNoEvent_IsStillAnError()
    {
        // Whole JSON is not what a writer stopped mid-line leaves: the line is read as any other.
        using TempFile events = new(".jsonl");
        Assert.Equal(0, (await Tuiproc("run", "--events", events.Path, "square:2")).Code);
        File.AppendAllText(events.Path, "{\"type\": \"spawned\", \"worker\": \"one\"}");
        int line = File.ReadAllLines(events.Path).Length;

        (int code, _, string stderr) = await Tuiproc("lab", "1", "--check", events.Path);

        Assert.Equal(2, code);
        Assert.StartsWith($"tuiproc: {events.Path}:{line}: not an event", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ToAFifoWithoutAReader_RefusedWithinTheBoundedWait_ModeUnchanged()
    {
        using SpecialFiles dir = new();
        string fifo = dir.Fifo("report.md", (UnixFileMode)0b110_100_100); // 0644
        System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();

        (int code, string stdout, string stderr) = await Tuiproc("lab", "1", "--report", fifo);

        Assert.Equal(2, code);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.9), TimeSpan.FromSeconds(20));
        Assert.Equal("", stdout);
        Assert.Equal($"tuiproc: cannot write the report to {fifo}: it is a FIFO that no process is reading (waited 3 s); start its reader first\n", stderr);
        Assert.Equal("fifo 644", SpecialFiles.TypeAndMode(fifo));
    }

    [Fact]
    public async Task Report_ToDevNull_IsWritten_DevNullKeepsItsMode()
    {
        string before = SpecialFiles.TypeAndMode("/dev/null");

        (int code, string stdout, string stderr) = await Tuiproc("lab", "1", "--report", "/dev/null");

        Assert.Equal((0, "report written to /dev/null\n", ""), (code, stdout, stderr));
        Assert.Equal(before, SpecialFiles.TypeAndMode("/dev/null"));
    }

    [Fact]
    public async Task Report_AnExistingWorldReadableFile_IsReplaced_KeepsItsMode_AndANoteSaysSo()
    {
        string file = Path.Combine(_home, "report.md");
        File.WriteAllText(file, new string('x', 100_000));
        File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100); // 0644

        (int code, string stdout, string stderr) = await Tuiproc("lab", "1", "--report", file);

        Assert.Equal(0, code);
        Assert.Equal($"report written to {file}\n", stdout);
        Assert.Equal($"tuiproc: note: {file} is readable by other users (mode 0644); its mode was left as it was\n", stderr);
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(file));
        Assert.StartsWith("# Lab 1", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.DoesNotContain("xxx", File.ReadAllText(file), StringComparison.Ordinal);
    }

    private static bool IsJson(ReadOnlySpan<byte> text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text.ToArray());
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
