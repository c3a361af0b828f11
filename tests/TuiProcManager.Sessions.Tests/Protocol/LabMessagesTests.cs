using System.Collections.Immutable;
using Google.Protobuf;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Labs;

namespace TuiProcManager.Sessions.Tests.Protocol;

/// <summary>A lab's progress and answers on the wire, both ways, and what does not map.</summary>
public sealed class LabMessagesTests
{
    private static readonly LabProgress Sample = new()
    {
        Lab = "1",
        Title = "The lesson",
        LabFile = "(built in) labs/1-lesson.lab.json",
        StartedAt = new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero),
        ActiveSeconds = 12.5,
        Steps = ImmutableDictionary<string, StepProgress>.Empty
            .Add("start", new StepProgress { DoneAt = new DateTimeOffset(2026, 12, 6, 1, 0, 3, TimeSpan.Zero), HintsShown = 1 })
            .Add("ask", new StepProgress { WrongAnswers = 2, Answer = "0" }),
    };

    public static TheoryData<AnswerOutcome> Outcomes => [.. Enum.GetValues<AnswerOutcome>()];

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void LabReply_EveryAnswerOutcome_RoundTripsThroughBytes(AnswerOutcome outcome)
    {
        LabChange change = new(Sample, null, new AnswerResult(outcome, "a line", [1, 2]));

        LabChange back = LabReply.Parser.ParseFrom(change.ToWire("cannot save").ToByteArray()).ToCore();

        Assert.Equal((outcome, "a line"), (back.Answer!.Outcome, back.Answer.Message));
        Assert.Equal([1, 2], back.Answer.Done);
        Assert.Equal(LabProgressJson.Write(Sample), LabProgressJson.Write(back.Progress));
    }

    [Fact]
    public void LabReply_AHintRefused_KeepsItsProblemAndNoAnswer()
    {
        LabChange back = LabReply.Parser.ParseFrom(new LabChange(Sample, "no more hints for this step", null).ToWire(null).ToByteArray()).ToCore();

        Assert.Equal(("no more hints for this step", (AnswerResult?)null), (back.Problem, back.Answer));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "format": "tuiproc-lab-progress/9", "lab": "1", "title": "t", "steps": {} }""")]
    public void LabUpdate_NotProgressOfThisFormat_IsAProtocolExceptionNamingTheField(string json)
    {
        ProtocolException e = Assert.Throws<ProtocolException>(() => new LabUpdate { ProgressJson = json }.ToCore());

        Assert.Equal("LabUpdate.progress_json is not tuiproc-lab-progress/1 progress", e.Message);
    }

    [Fact]
    public void LabReply_AnOutcomeFromANewerRevision_IsAProtocolException()
    {
        LabReply reply = new LabChange(Sample, null, new AnswerResult(AnswerOutcome.Right, "", [])).ToWire(null);
        reply.Outcome = (LabReply.Types.Outcome)99;

        Assert.Throws<ProtocolException>(() => reply.ToCore());
    }
}
