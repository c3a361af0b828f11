using System.Collections.Immutable;
using System.Text;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions.Tests.Server;

/// <summary>Where a lab is, for a teacher's row: the first step not done, since the last one done (or the start), the counts of all steps.</summary>
public sealed class LabStatusTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lab ThreeSteps = LabReader.Parse(Encoding.UTF8.GetBytes("""
        {
          "format": "tuiproc-lab/1", "id": "9", "name": "three", "title": "Three", "summary": "three steps",
          "steps": [
            { "id": "a", "title": "First", "text": "x", "check": { "spawned": {} } },
            { "id": "b", "title": "Second", "text": "x", "check": { "spawned": { "count": 2 } } },
            { "id": "c", "title": "Third", "text": "x", "check": { "spawned": { "count": 3 } } }
          ]
        }
        """), "three.json");

    [Fact]
    public void LabStatusOf_NothingDone_TheFirstStepSinceTheStart()
    {
        LabStatus status = SessionService.LabStatusOf(ThreeSteps, Progress());

        Assert.Equal((1, 3, "First", T0, 0, 0, false), (status.Step, status.Steps, status.StepTitle, status.StepSince.ToDateTimeOffset(), status.Hints, status.WrongAnswers, status.Finished));
    }

    [Fact]
    public void LabStatusOf_TheFirstTwoDone_TheThirdSinceTheSecond_CountsOfAllSteps()
    {
        LabStatus status = SessionService.LabStatusOf(ThreeSteps, Progress(
            ("a", new StepProgress { DoneAt = T0.AddMinutes(2), HintsShown = 1 }),
            ("b", new StepProgress { DoneAt = T0.AddMinutes(7), HintsShown = 2, WrongAnswers = 3 })));

        Assert.Equal((3, "Third", T0.AddMinutes(7), 3, 3, false), (status.Step, status.StepTitle, status.StepSince.ToDateTimeOffset(), status.Hints, status.WrongAnswers, status.Finished));
    }

    [Fact]
    public void LabStatusOf_EveryStepDone_Finished_PastTheLastStep()
    {
        LabStatus status = SessionService.LabStatusOf(ThreeSteps, Progress(
            ("a", new StepProgress { DoneAt = T0.AddMinutes(1) }), ("b", new StepProgress { DoneAt = T0.AddMinutes(2) }), ("c", new StepProgress { DoneAt = T0.AddMinutes(3) })));

        Assert.Equal((4, "", true), (status.Step, status.StepTitle, status.Finished));
    }

    private static LabProgress Progress(params (string Step, StepProgress Progress)[] steps) => new()
    {
        Lab = "9",
        Title = "Three",
        StartedAt = T0,
        Steps = steps.ToImmutableDictionary(s => s.Step, s => s.Progress),
    };
}
