using System.Text.Json;
using TuiProcManager.Core.Os;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Labs;

/// <summary>
/// The lab commands read the time and the machine's cores from what they are given (the composition
/// root's TimeProvider and MachineFacts), never from the clock or the machine they happen to run on:
/// here a FakeTimeProvider and a machine of 64 (or 3) cores.
/// </summary>
public sealed class LabCommandInProcessTests : IDisposable
{
    private readonly LabInProcess _lab = new();

    [Fact]
    public async Task Report_OfALabNotStarted_IsDatedByTheClock()
    {
        (int code, string stdout, string stderr) = await _lab.LabAsync("report", "1");

        Assert.Equal((0, ""), (code, stderr));
        Assert.Contains("| started | 2031-02-03 04:05:06 UTC |", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Json_OfALabNotStarted_IsDatedByTheClock_WhenItMoves()
    {
        _lab.Clock.Advance(TimeSpan.FromDays(400));
        string file = Path.Combine(_lab.ProgressDirectory, "r.json");

        Assert.Equal(0, (await _lab.LabAsync("report", "1", file)).Code);

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal(new DateTimeOffset(2032, 3, 9, 4, 5, 6, TimeSpan.Zero), json.RootElement.GetProperty("startedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Check_AnEmptyRecording_CountsTheCoresOfTheMachineItIsGiven()
    {
        using TempFile events = new(".jsonl", "");

        (int code, string stdout, _) = await _lab.LabAsync("check", "2", events.Path);

        Assert.Equal(1, code);
        Assert.Contains("NOT DONE 1 Start one busy worker per core (64 here)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AnEmptyRecording_ThroughTheOlderFlag_IsTheSame()
    {
        using TempFile events = new(".jsonl", "");

        Assert.Equal(await _lab.LabAsync("check", "2", events.Path), await _lab.LabAsync("2", "--check", events.Path));
    }

    [Fact]
    public async Task Check_OnAThreeCoreMachine_SaysThree()
    {
        using LabInProcess threeCores = new() { Machine = new MachineFacts(Cores: 3) };
        using TempFile events = new(".jsonl", "");

        (_, string stdout, _) = await threeCores.LabAsync("check", "cpus", events.Path);

        Assert.Contains("1 Start one busy worker per core (3 here)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_RemovesTheProgressFromTheStoreItIsGiven()
    {
        string saved = Path.Combine(_lab.ProgressDirectory, "4.json");
        File.WriteAllText(saved, """{"format": "tuiproc-lab-progress/1", "lab": "4", "title": "t", "steps": {}}""");

        (int code, string stdout, _) = await _lab.LabAsync("reset", "async");

        Assert.Equal(0, code);
        Assert.Equal($"lab 4 (async): your saved progress is forgotten ({saved} removed); it starts over when next opened\n", stdout);
        Assert.False(File.Exists(saved));
    }

    public void Dispose() => _lab.Dispose();
}
