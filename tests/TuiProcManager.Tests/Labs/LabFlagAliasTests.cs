using TuiProcManager.CommandLine;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Labs;

/// <summary>
/// The older flags of <c>tuiproc lab</c>, hidden from the help: <c>LAB --check FILE</c>, <c>LAB --report
/// [FILE]</c> and <c>LAB --reset</c> run what <c>lab check</c>, <c>lab report</c> and <c>reset</c>-then-open
/// run. Pinned: <c>--check</c> with <c>--reset</c> (or <c>--report</c>) ran one of them and ignored the
/// other without a word, by the order of the code's ifs; a flag without a lab listed the labs instead.
/// </summary>
public sealed class LabFlagAliasTests : IDisposable
{
    private readonly LabStateHome _state = new();

    [Fact]
    public async Task CheckFlag_RunsWhatLabCheckRuns()
    {
        using TempFile events = new(".jsonl");
        Assert.Equal(0, (await _state.Tuiproc("run", "--events", events.Path, "square:9", "cube:10")).Code);

        (int Code, string Stdout, string Stderr) flag = await _state.Tuiproc("lab", "1", "--check", events.Path);
        (int Code, string Stdout, string Stderr) subcommand = await _state.Tuiproc("lab", "check", "1", events.Path);

        Assert.Equal(subcommand, flag);
        Assert.Contains("0 of 7 steps done", flag.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportFlag_RunsWhatLabReportRuns_ToStdoutAndToAFile()
    {
        using LabInProcess lab = new(); // one clock for both: a report of a lab not started is dated now
        Assert.Equal(await lab.LabAsync("report", "2"), await lab.LabAsync("2", "--report"));

        string file = Path.Combine(_state.Home, "r.md");
        (int code, string stdout, string stderr) = await _state.Tuiproc("lab", "2", "--report", file);
        Assert.Equal((0, $"report written to {file}\n", ""), (code, stdout, stderr));
        Assert.StartsWith("# Lab 2", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetFlag_WithoutATerminal_RefusesAsTheUIDoes_AndForgetsNothing()
    {
        // --reset still opens the lab after forgetting, so it forgets only when the UI can start.
        string saved = _state.SaveFreshProgress("1");

        (int code, _, string stderr) = await _state.Tuiproc("lab", "1", "--reset");

        Assert.Equal(2, code);
        Assert.Contains("the UI needs a terminal", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(saved));
    }

    public static TheoryData<string[], string> Contradictions => new()
    {
        { ["lab", "1", "--check", "E", "--reset"], "--check and --reset cannot be used together: use one at a time (tuiproc lab check LAB FILE; tuiproc lab reset LAB, then tuiproc lab LAB)" },
        { ["lab", "1", "--reset", "--check", "E"], "--check and --reset cannot be used together" },
        { ["lab", "1", "--check", "E", "--report"], "--check and --report cannot be used together: use one at a time (tuiproc lab check LAB FILE; tuiproc lab report LAB [FILE])" },
        { ["lab", "1", "--report", "R.md", "--check", "E"], "--check and --report cannot be used together" },
        { ["lab", "1", "--report", "--reset"], "--report and --reset cannot be used together" },
        { ["lab", "--check", "E"], "--check needs a lab: tuiproc lab check LAB FILE" },
        { ["lab", "--report"], "--report needs a lab: tuiproc lab report LAB [FILE]" },
        { ["lab", "--reset"], "--reset needs a lab: tuiproc lab reset LAB, then tuiproc lab LAB" },
        { ["lab", "1", "--check", "E", "--theme", "Nope"], "--check and --theme cannot be used together: --theme is for the UI, which --check does not open" },
        { ["lab", "1", "--report", "--mode", "parallel"], "--report and --mode cannot be used together" },
        { ["lab", "1", "--check", "E", "square:10"], "--check and 'square:10' cannot be used together" },
        { ["lab", "--check", "E", "check", "1", "E"], "--check cannot be used with 'tuiproc lab check': use tuiproc lab check LAB FILE" },
        { ["lab", "--reset", "open", "1"], "--reset cannot be used with 'tuiproc lab open'" },
        { ["lab", "1", "--report", "reset", "1"], "--report cannot be used with 'tuiproc lab reset'" },
    };

    [Theory]
    [MemberData(nameof(Contradictions))]
    public async Task Flags_ThatContradict_OneLineNamingThem_ExitTwo_NothingDone(string[] args, string message)
    {
        string saved = _state.SaveFreshProgress("1");
        string[] inHome = [.. args.Select(a => a is "E" or "R.md" ? Path.Combine(_state.Home, a) : a)];

        (int code, string stdout, string stderr) = await _state.Tuiproc(inHome);

        AssertUsageError(code, stdout, stderr, message);
        Assert.True(File.Exists(saved), "nothing may be reset");
        Assert.False(File.Exists(Path.Combine(_state.Home, "R.md")), "no report may be written");
    }

    [Theory]
    [MemberData(nameof(Contradictions))]
    public async Task Flags_ThatContradict_InProcess_OneLineNamingThem_ExitTwo(string[] args, string message)
    {
        StringWriter stdout = new(), stderr = new();

        int code = await TuiprocCommand.InvokeAsync(args, stdout, stderr);

        AssertUsageError(code, stdout.ToString(), stderr.ToString(), message);
    }

    private static void AssertUsageError(int code, string stdout, string stderr, string message)
    {
        Assert.True(code == 2, $"exit {code}: {stderr}");
        Assert.Equal("", stdout);
        Assert.StartsWith("tuiproc: " + message, stderr, StringComparison.Ordinal);
        Assert.Equal(1, stderr.Count(c => c == '\n'));
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _state.Dispose();
}
