using Microsoft.Extensions.Time.Testing;
using TuiProcManager.Composition;
using TuiProcManager.Core.Os;
using TuiProcManager.Headless;
using TuiProcManager.Labs.Catalog;
using TuiProcManager.Labs.Format;

namespace TuiProcManager.Tests.Headless;

/// <summary><see cref="LabCheck.Replay"/> takes the time and the cores it is given, not this machine's.</summary>
public sealed class LabCheckTests
{
    private static readonly Lab Cpus = LabCatalog.Load(ShippedContent.Labs).Find("cpus");

    [Fact]
    public void Replay_NoItems_IsASessionStartedAtTheClocksNow_WithTheGivenCores()
    {
        FakeTimeProvider clock = new(new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero));

        LabCheck.Outcome outcome = LabCheck.Replay(Cpus, [], new MachineFacts(Cores: 5), clock);

        Assert.False(outcome.Done);
        Assert.Equal(clock.GetUtcNow(), outcome.Session.Progress(clock.GetUtcNow()).StartedAt);
        Assert.Equal("5 cores", outcome.Session.Expand("{cores} cores"));
    }

    [Fact]
    public void Lines_NoItems_SayTheGivenCoresInTheStepTitles()
    {
        LabCheck.Outcome outcome = LabCheck.Replay(Cpus, [], new MachineFacts(Cores: 1), new FakeTimeProvider());

        string[] lines = [.. LabCheck.Lines(outcome, "e.jsonl", events: 0)];

        Assert.Equal("Lab 2: Processes and CPUs: parallel on every core — checked against e.jsonl (0 events)", lines[0]);
        Assert.StartsWith("  NOT DONE 1 Start one busy worker per core (1 here)", lines[1], StringComparison.Ordinal);
        Assert.Equal("0 of 5 steps done", lines[^1]);
    }
}
