using System.Collections.Immutable;
using System.Text.Json;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Reports;
using TuiProcManager.Labs.Sessions;

namespace TuiProcManager.Labs.Tests.Format;

/// <summary>
/// The labs' serialized types go through the source-generated context and back: what the NativeAOT
/// build uses, with no reflection to fall back on.
/// </summary>
public sealed class LabsJsonContextTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Progress_WithEveryPropertySet_RoundTrips()
    {
        LabProgress progress = new()
        {
            Lab = "1",
            Title = "The lesson's example",
            LabFile = "/labs/01-lesson.json",
            StartedAt = Start,
            FinishedAt = Start.AddMinutes(8),
            ActiveSeconds = 518.5,
            Steps = ImmutableDictionary<string, StepProgress>.Empty
                .Add("square", new StepProgress { DoneAt = Start.AddMinutes(1), HintsShown = 2, WrongAnswers = 1, Answer = "0" })
                .Add("cube", new StepProgress()),
        };

        string json = JsonSerializer.Serialize(progress, LabsJsonContext.Default.LabProgress);
        LabProgress? back = JsonSerializer.Deserialize(json, LabsJsonContext.Default.LabProgress);

        Assert.NotNull(back);
        Assert.Equal(progress with { Steps = ImmutableDictionary<string, StepProgress>.Empty }, back with { Steps = ImmutableDictionary<string, StepProgress>.Empty });
        Assert.Equal(progress.Steps.OrderBy(s => s.Key), back.Steps.OrderBy(s => s.Key));
        Assert.Contains("\"format\": \"tuiproc-lab-progress/1\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_RoundTrips_WithItsKeysInTheDocumentedOrder()
    {
        LabReportDocument report = new(LabReport.JsonFormat, "1", "Title", "ann", "lab-01", Start, null, 61, 1, 2, 3, 4,
            [new LabReportStep("square", "Start a square worker", true, Start.AddSeconds(5), 1, 0, "0"), new LabReportStep("cube", "Cube", false, null, 0, 0, null)]);

        string json = JsonSerializer.Serialize(report, LabsJsonContext.Default.LabReportDocument);
        LabReportDocument? back = JsonSerializer.Deserialize(json, LabsJsonContext.Default.LabReportDocument);

        Assert.NotNull(back);
        Assert.Equal(report.Steps, back.Steps);
        Assert.Equal(report with { Steps = [] }, back with { Steps = [] });
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal(
            ["format", "lab", "title", "user", "machine", "startedAt", "finishedAt", "timeSpentSeconds", "stepsDone", "stepCount", "hintsUsed", "wrongAnswers", "steps"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["id", "title", "done", "doneAt", "hints", "wrongAnswers", "answer"],
            document.RootElement.GetProperty("steps")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void ATypeOutsideTheContext_IsRefused()
    {
        Assert.Null(LabsJsonContext.Default.GetTypeInfo(typeof(Uri)));
    }
}
