using System.Text.Json;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Labs;

/// <summary>
/// <c>tuiproc lab report LAB [FILE]</c>: the student's report from the saved progress, printed or written
/// to FILE (Markdown, or JSON by its extension) under the rules of every file tuiproc writes.
/// </summary>
public sealed class LabReportCommandTests : IDisposable
{
    private readonly LabStateHome _state = new();

    private Task<(int Code, string Stdout, string Stderr)> Tuiproc(params string[] args) => _state.Tuiproc(args);

    [Fact]
    public async Task Report_WithoutProgress_IsAnEmptyReport_ToAFileItIsForTheUserOnly_JsonByItsExtension()
    {
        (int code, string stdout, _) = await Tuiproc("lab", "report", "2");
        Assert.Equal(0, code);
        Assert.Contains("| steps done | 0 of 5 |", stdout, StringComparison.Ordinal);

        string file = Path.Combine(_state.Home, "r.json");
        (int fileCode, string written, _) = await Tuiproc("lab", "report", "cpus", file);
        Assert.Equal((0, $"report written to {file}\n"), (fileCode, written));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("tuiproc-lab-report/1", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("stepCount").GetInt32());
    }

    [Fact]
    public async Task Report_ToAFifoWithoutAReader_RefusedWithinTheBoundedWait_ModeUnchanged()
    {
        using SpecialFiles dir = new();
        string fifo = dir.Fifo("report.md", (UnixFileMode)0b110_100_100); // 0644

        (int code, string stdout, string stderr) = await Tuiproc("lab", "report", "1", fifo);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"tuiproc: cannot write the report to {fifo}: it is a FIFO that no process is reading (waited 3 s); start its reader first\n", stderr);
        Assert.Equal("fifo 644", SpecialFiles.TypeAndMode(fifo));
    }

    [Fact]
    public async Task Report_ToDevNull_IsWritten_DevNullKeepsItsMode()
    {
        string before = SpecialFiles.TypeAndMode("/dev/null");

        (int code, string stdout, string stderr) = await Tuiproc("lab", "report", "1", "/dev/null");

        Assert.Equal((0, "report written to /dev/null\n", ""), (code, stdout, stderr));
        Assert.Equal(before, SpecialFiles.TypeAndMode("/dev/null"));
    }

    [Fact]
    public async Task Report_AnExistingWorldReadableFile_IsReplaced_KeepsItsMode_AndANoteSaysSo()
    {
        string file = Path.Combine(_state.Home, "report.md");
        File.WriteAllText(file, new string('x', 100_000));
        File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100); // 0644

        (int code, string stdout, string stderr) = await Tuiproc("lab", "report", "1", file);

        Assert.Equal(0, code);
        Assert.Equal($"report written to {file}\n", stdout);
        Assert.Equal($"tuiproc: note: {file} is readable by other users (mode 0644); its mode was left as it was\n", stderr);
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(file));
        Assert.StartsWith("# Lab 1", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.DoesNotContain("xxx", File.ReadAllText(file), StringComparison.Ordinal);
    }

    public static TheoryData<string, string[], string> BadInput => new()
    {
        { "no such lab", ["lab", "report", "9"], "tuiproc: no lab '9': the labs are 1 (lesson), 2 (cpus), 3 (signals), 4 (async), 5 (pool); or give the path of a lab file" },
        { "unwritable report", ["lab", "report", "1", "/nonexistent/r.md"], "tuiproc: cannot write the report to /nonexistent/r.md: " },
        { "no lab", ["lab", "report"], "Required argument 'LAB' missing for command: 'report' (see 'tuiproc lab report --help')" },
        { "two files", ["lab", "report", "1", "a.md", "b.md"], "Unrecognized command or argument 'b.md'" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Report_BadInput_OneLine_ExitTwo_NothingOnStdout(string @case, string[] args, string message)
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
