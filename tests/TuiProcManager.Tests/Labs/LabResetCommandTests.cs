using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Labs;

/// <summary>
/// <c>tuiproc lab reset LAB</c>: forgets the saved progress and says so in one line, exit code 0; it opens
/// nothing, so it works without a terminal (the older <c>LAB --reset</c>, which also opens the lab, is in
/// <see cref="LabFlagAliasTests"/>).
/// </summary>
public sealed class LabResetCommandTests : IDisposable
{
    private readonly LabStateHome _state = new();

    [Fact]
    public async Task Reset_SavedProgress_IsForgotten_InOneLine_WithoutATerminal()
    {
        string saved = _state.SaveFreshProgress("1");

        (int code, string stdout, string stderr) = await _state.Tuiproc("lab", "reset", "1");

        Assert.Equal((0, ""), (code, stderr));
        Assert.Equal($"lab 1 (lesson): your saved progress is forgotten ({saved} removed); it starts over when next opened\n", stdout);
        Assert.False(File.Exists(saved));
    }

    [Fact]
    public async Task Reset_ByName_ForgetsOnlyThatLab()
    {
        string lesson = _state.SaveFreshProgress("1");
        string signals = _state.SaveFreshProgress("3");

        (int code, _, _) = await _state.Tuiproc("lab", "reset", "signals");

        Assert.Equal(0, code);
        Assert.True(File.Exists(lesson));
        Assert.False(File.Exists(signals));
    }

    [Fact]
    public async Task Reset_NothingSaved_SaysSo_ExitZero()
    {
        (int code, string stdout, string stderr) = await _state.Tuiproc("lab", "reset", "2");

        Assert.Equal((0, "lab 2 (cpus): no saved progress to forget\n", ""), (code, stdout, stderr));
    }

    [Fact]
    public async Task Reset_ThenTheList_ShowsTheLabNotStarted()
    {
        File.WriteAllText(_state.SaveFreshProgress("1"), """{"format": "tuiproc-lab-progress/1", "lab": "1", "title": "t", "finishedAt": "2030-01-01T00:00:00Z", "steps": {}}""");
        Assert.Contains("  finished", (await _state.Tuiproc("lab")).Stdout, StringComparison.Ordinal);

        Assert.Equal(0, (await _state.Tuiproc("lab", "reset", "1")).Code);

        string list = (await _state.Tuiproc("lab")).Stdout;
        Assert.DoesNotContain("finished", list, StringComparison.Ordinal);
        Assert.Contains("1   lesson", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "lab", "reset", "9" }, "tuiproc: no lab '9': the labs are 1 (lesson)")]
    [InlineData(new[] { "lab", "reset" }, "Required argument 'LAB' missing for command: 'reset' (see 'tuiproc lab reset --help')")]
    [InlineData(new[] { "lab", "reset", "1", "--theme", "x" }, "Unrecognized command or argument '--theme'")]
    public async Task Reset_BadInput_OneLine_ExitTwo_NothingOnStdout(string[] args, string message)
    {
        (int code, string stdout, string stderr) = await _state.Tuiproc(args);

        Assert.True(code == 2, $"exit {code}, {stderr}");
        Assert.StartsWith("tuiproc: ", stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Empty(stdout);
    }

    public void Dispose() => _state.Dispose();
}
