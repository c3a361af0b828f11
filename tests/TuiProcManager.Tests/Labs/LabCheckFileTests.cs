using System.Text.Json;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Labs;

/// <summary>
/// <c>tuiproc lab check LAB FILE</c> on recordings that are not whole: a line that is no event, lines of
/// types from a newer tuiproc, a last line cut by a writer that was killed or a disk that filled.
/// </summary>
public sealed class LabCheckFileTests : IDisposable
{
    private readonly LabStateHome _state = new();

    private Task<(int Code, string Stdout, string Stderr)> Tuiproc(params string[] args) => _state.Tuiproc(args);

    [Fact]
    public async Task Check_AFileWithALineThatIsNotAnEvent_NamesTheLine()
    {
        using TempFile events = new(".jsonl");
        Assert.Equal(0, (await Tuiproc("run", "--events", events.Path, "square:2")).Code);
        File.AppendAllText(events.Path, "{\"type\": \"spawned\", \"worker\": \"one\"}\nnot json\n");
        int line = File.ReadAllLines(events.Path).Length - 1;

        (int code, _, string stderr) = await Tuiproc("lab", "check", "1", events.Path);

        Assert.Equal(2, code);
        Assert.StartsWith($"tuiproc: {events.Path}:{line}: not an event", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_LinesOfUnknownTypes_AreSkippedAndCounted()
    {
        using TempFile events = new(".jsonl");
        Assert.Equal(0, (await Tuiproc("run", "--events", events.Path, "square:10", "cube:10")).Code);
        File.AppendAllText(events.Path, "{\"type\": \"fromTheFuture\", \"sequence\": 999}\n");

        (int code, string stdout, _) = await Tuiproc("lab", "check", "1", events.Path);

        Assert.Equal(1, code);
        Assert.Contains("(1 line of types this tuiproc does not know was skipped)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ARecorderKilledMidFlood_GradesWhatCameBeforeTheCutLine_AndSaysSoOnce()
    {
        // A writer SIGKILLed mid-line leaves a last line cut short; the check once refused the whole file
        // for it (exit 2).
        using TempFile events = new(".jsonl");
        using (TestSupport.Tuiproc.Running recorder = TestSupport.Tuiproc.Start("run", "--events", events.Path, "--cmd", "seq 1 3000000"))
        {
            await TestSupport.Tuiproc.UntilAsync(() => File.Exists(events.Path) && new FileInfo(events.Path).Length > 256 * 1024, "the recorder is writing the flood");
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

        (int code, string stdout, string stderr) = await Tuiproc("lab", "check", "1", events.Path);

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

        (int code, string stdout, string stderr) = await Tuiproc("lab", "check", "1", events.Path);

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

        (int code, string stdout, string stderr) = await Tuiproc("lab", "check", "1", events.Path);

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

        (int code, string stdout, string stderr) = await Tuiproc("lab", "check", "1", events.Path);

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

        (int code, _, string stderr) = await Tuiproc("lab", "check", "1", events.Path);

        Assert.Equal(2, code);
        Assert.StartsWith($"tuiproc: {events.Path}:{line}: not an event", stderr, StringComparison.Ordinal);
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

    public void Dispose() => _state.Dispose();
}
