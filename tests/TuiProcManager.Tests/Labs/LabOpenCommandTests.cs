using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Labs;

/// <summary>
/// <c>tuiproc lab LAB</c> and <c>tuiproc lab open LAB</c>, the same command: the UI with the lab open, and the
/// UI's options on both. Without a terminal (as here) the UI refuses, after the options and the lab were
/// checked; what it does in a terminal is in the end-to-end lab tests.
/// </summary>
public sealed class LabOpenCommandTests : IDisposable
{
    private readonly LabStateHome _state = new();

    [Theory]
    [InlineData("lab", "1")]
    [InlineData("lab", "open", "1")]
    [InlineData("lab", "open", "lesson", "square:10", "--steps", "3", "--mode", "pause-on-wait", "--colors", "none")]
    public async Task Open_WithoutATerminal_SaysSo_AndHowToCheckARunInstead(params string[] args)
    {
        (int code, string stdout, string stderr) = await _state.Tuiproc(args);

        Assert.Equal((2, ""), (code, stdout));
        Assert.Equal("tuiproc: the UI needs a terminal (stdin and stdout are not one); without the UI, record a run (tuiproc run --events FILE square:10 cube:10) and check it: tuiproc lab check 1 FILE\n", stderr);
    }

    [Fact]
    public async Task Open_AMalformedLabFile_NamesTheFileLineAndProblem_AndStartsNothing()
    {
        using TempFile lab = new(".json", "{\n  \"format\": \"tuiproc-lab/1\",\n  \"id\": \"x\",\n  \"nme\": \"y\"\n}\n");

        foreach (string[] args in new[] { new[] { "lab", lab.Path }, ["lab", "open", lab.Path] })
        {
            (int code, _, string stderr) = await _state.Tuiproc(args);

            Assert.Equal(2, code);
            Assert.Equal($"tuiproc: lab file {lab.Path}:4:3: unknown field \"nme\" in the lab (expected $schema, format, id, name, title, summary, shared_with, steps)\n", stderr);
        }
    }

    [Fact]
    public async Task Open_ALabFileNamedLikeASubcommand_IsReachedAfterOpen_WhileLabCheckIsTheSubcommand()
    {
        // The subcommand wins (tuiproc lab check FILE… is the check); after open or report, "check" is a lab again.
        File.WriteAllText(Path.Combine(_state.Home, "check"), """
            { "format": "tuiproc-lab/1", "id": "mine", "name": "own", "title": "Named check", "summary": "s",
              "steps": [ { "id": "a", "title": "Start one", "text": ["t"], "check": { "spawned": { "kind": "square" } }, "done": "d" } ] }
            """);
        string tuiproc = $"cd '{_state.Home}' && XDG_STATE_HOME='{_state.Home}/state' {TestSupport.Tuiproc.ShellCommand} lab";

        using (TestSupport.Tuiproc.Running open = TestSupport.Tuiproc.StartShell(tuiproc + " open check"))
        {
            (int code, _, string stderr) = await open.EndAsync();
            Assert.Equal(2, code);
            Assert.EndsWith("and check it: tuiproc lab check mine FILE\n", stderr, StringComparison.Ordinal); // the lab file was read
        }

        using (TestSupport.Tuiproc.Running report = TestSupport.Tuiproc.StartShell(tuiproc + " report check"))
        {
            (int code, string stdout, _) = await report.EndAsync();
            Assert.Equal(0, code);
            Assert.StartsWith("# Lab mine: Named check", stdout, StringComparison.Ordinal);
        }

        using TestSupport.Tuiproc.Running check = TestSupport.Tuiproc.StartShell(tuiproc + " check");
        (int checkCode, _, string checkError) = await check.EndAsync();
        Assert.Equal((2, "tuiproc: Required argument 'LAB' missing for command: 'check' (see 'tuiproc lab check --help')\n"), (checkCode, checkError));
    }

    public static TheoryData<string, string[], string> BadInput => new()
    {
        { "no such lab", ["lab", "9"], "tuiproc: no lab '9': the labs are 1 (lesson), 2 (cpus), 3 (signals), 4 (async), 5 (pool); or give the path of a lab file" },
        { "no such lab, open", ["lab", "open", "9"], "tuiproc: no lab '9': the labs are 1 (lesson)" },
        { "no such lab file", ["lab", "/nonexistent/my.json"], "tuiproc: lab file /nonexistent/my.json: does not exist" },
        { "a lab file that is a directory", ["lab", "/tmp/"], "tuiproc: lab file /tmp/: a directory, not a regular file" },
        { "open without a lab", ["lab", "open"], "Required argument 'LAB' missing for command: 'open' (see 'tuiproc lab open --help')" },
        { "unknown mode in a lab", ["lab", "1", "--mode", "turbo"], "--mode must be parallel or pause-on-wait, got 'turbo'" },
        { "unknown mode, open", ["lab", "open", "1", "--mode", "turbo"], "--mode must be parallel or pause-on-wait, got 'turbo' (see 'tuiproc lab open --help')" },
        { "bad worker spec in a lab", ["lab", "1", "square:x"], "N must be an integer, got 'x'" },
        { "bad worker spec, open", ["lab", "open", "1", "square:x"], "N must be an integer, got 'x'" },
        { "unknown theme", ["lab", "1", "--theme", "Nope"], "tuiproc: unknown theme 'Nope'" },
        { "unknown theme, open", ["lab", "open", "1", "--theme", "Nope"], "tuiproc: unknown theme 'Nope'" },
        { "a program not on PATH, open", ["lab", "open", "1", "--cmd", "no-such-program-xyz"], "command not found: no-such-program-xyz" },
        { "a UI option before open", ["lab", "--theme", "Nope", "open", "1"], "tuiproc: --theme cannot come before 'open': give it after (tuiproc lab open LAB …) (see 'tuiproc lab open --help')" },
        { "a lab before a subcommand", ["lab", "1", "check", "1", "/tmp/e.jsonl"], "tuiproc: '1' cannot come before 'check'" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Open_BadInput_OneLine_ExitTwo_NothingStarted(string @case, string[] args, string message)
    {
        (int code, string stdout, string stderr) = await _state.Tuiproc(args);

        Assert.True(code == 2, $"{@case}: exit {code}, {stderr}");
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    public void Dispose() => _state.Dispose();
}
