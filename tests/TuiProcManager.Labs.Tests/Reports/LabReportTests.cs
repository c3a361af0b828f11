using System.Text.Json;
using TuiProcManager.Labs.Reports;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Labs.Tests.TestSupport;

namespace TuiProcManager.Labs.Tests.Reports;

public sealed class LabReportTests
{
    private static LabProgress Finished(out EventScript script)
    {
        EventScript s = script = new();
        LabSession session = new(TestLabs.FourSteps, null, s.Now, 2);
        session.ShowHint();
        s.Advance(30_000);
        s.Square(1);
        foreach (var e in s.Events)
        {
            session.Observe(e);
        }

        session.Answer("wrong | answer", s.Now);
        session.Answer("100", s.Now);
        return session.Progress(s.Now.AddSeconds(10));
    }

    [Fact]
    public void Markdown_SaysWhoWhenHowLong_StepsHintsAndWrongAnswers()
    {
        string md = LabReport.Markdown(TestLabs.FourSteps, Finished(out _), "alice", "lab-pc");

        Assert.Contains("# Lab t: Test — report", md, StringComparison.Ordinal);
        Assert.Contains("| student | alice |", md, StringComparison.Ordinal);
        Assert.Contains("| finished | not yet |", md, StringComparison.Ordinal);
        Assert.Contains("| time spent | 40 s |", md, StringComparison.Ordinal);
        Assert.Contains("| steps done | 2 of 4 |", md, StringComparison.Ordinal);
        Assert.Contains("| hints used | 1 |\n| wrong answers | 1 |", md, StringComparison.Ordinal);
        Assert.Contains("| 1 | Start | 10:00:30 | 1 | 0 |  |", md, StringComparison.Ordinal);
        Assert.Contains("| 2 | Ask | 10:00:30 | 0 | 1 | 100 |", md, StringComparison.Ordinal);
        Assert.Contains("| 3 | Join | — | 0 | 0 |  |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_HasTheSameFigures_AndIsValidJson()
    {
        using JsonDocument json = JsonDocument.Parse(LabReport.JsonText(TestLabs.FourSteps, Finished(out _), "alice", "lab-pc"));
        JsonElement root = json.RootElement;

        Assert.Equal(LabReport.JsonFormat, root.GetProperty("format").GetString());
        Assert.Equal((2, 4, 1, 1), (root.GetProperty("stepsDone").GetInt32(), root.GetProperty("stepCount").GetInt32(), root.GetProperty("hintsUsed").GetInt32(), root.GetProperty("wrongAnswers").GetInt32()));
        Assert.Equal("100", root.GetProperty("steps")[1].GetProperty("answer").GetString());
    }

    [Theory]
    [InlineData(12, "12 s")]
    [InlineData(518, "8 min 38 s")]
    [InlineData(3720, "1 h 02 min")]
    public void Duration_AsAPersonSaysIt(int seconds, string said) => Assert.Equal(said, LabReport.Duration(TimeSpan.FromSeconds(seconds)));
}
