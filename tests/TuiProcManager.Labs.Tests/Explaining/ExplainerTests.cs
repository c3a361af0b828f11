using System.Text;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Labs.Explaining;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Tests.TestSupport;

namespace TuiProcManager.Labs.Tests.Explaining;

public sealed class ExplainerTests
{
    private static readonly ExplainTexts Texts = ExplainTexts.Load(ShippedLabs.Files, ShippedLabs.PathOf("explain.json"));

    private static List<Explanation> Explain(EventScript s)
    {
        Explainer explainer = new(Texts, 2);
        return [.. s.Events.Select(explainer.Explain).OfType<Explanation>()];
    }

    [Fact]
    public void EveryAction_IsExplained_InTheLessonsTermsAndTheOss_PlaceholdersFilled()
    {
        EventScript s = new();
        s.Square(1);
        s.Signal(1, ProcessSignal.Stop);
        s.Signal(1, ProcessSignal.Terminate);
        s.Signal(1, ProcessSignal.Continue, SignalCause.FollowUp);
        s.End(1, WorkerExit.Signaled(15, "SIGTERM"));
        s.Cube(2);
        s.Join(2, JoinOutcome.TimedOut, TimeSpan.FromSeconds(2));
        s.Signal(2, ProcessSignal.Kill);
        s.End(2, WorkerExit.Signaled(9, "SIGKILL"));
        s.Mode(SchedulingMode.PauseOnWait, 1);

        List<Explanation> all = Explain(s);

        Assert.Equal(
            ["spawn", "state.running", "pause", "terminate.paused", "ended.signal", "spawn", "state.running", "join.timeout", "joined.timedOut", "kill", "ended.signal", "mode.pause-on-wait"],
            all.Select(e => e.Topic));
        Explanation spawn = all[0];
        Assert.Equal("1 square 10 started, pid 1001", spawn.Title);
        Assert.Equal("p = multiprocessing.Process(target=print_square, args=(10,)); p.start()", spawn.Python);
        Explanation paused = all.Single(e => e.Topic == "terminate.paused");
        Assert.Contains("kill(-1001, SIGTERM) stays pending", paused.Os, StringComparison.Ordinal);
        Assert.Equal("p.join(2)", all.Single(e => e.Topic == "join.timeout").Python);
        Assert.Equal("p.join(2) returned None; p.is_alive() is True, p.exitcode is None", all.Single(e => e.Topic == "joined.timedOut").Python);
        Assert.Equal("p.exitcode == -9 (minus the signal's number)", all.Last(e => e.Topic == "ended.signal").Python);
        Assert.All(all, e => Assert.DoesNotContain("?", e.Title + e.Python + e.Os, StringComparison.Ordinal));
    }

    [Fact]
    public void TheSchedulersSignals_AreTheSchedulers_NotTheUsers()
    {
        EventScript s = new();
        s.Square(1);
        s.Signal(1, ProcessSignal.Stop, SignalCause.Scheduler);
        s.Signal(1, ProcessSignal.Continue, SignalCause.Scheduler);

        List<string> topics = [.. Explain(s).Select(e => e.Topic)];

        Assert.Equal(["spawn", "state.running", "scheduler.stop", "scheduler.continue"], topics);
    }

    [Fact]
    public void OutputAndSamples_AreNotExplained()
    {
        EventScript s = new();
        s.Print(1, "Square: 100");
        s.Cpu(50, 50);
        Assert.Empty(Explain(s));
    }

    [Fact]
    public void Shipped_EveryTopicThereIs()
    {
        Assert.All(ExplainTexts.Topics, t => Assert.False(string.IsNullOrWhiteSpace(Texts[t].Title)));
    }

    [Fact]
    public void Parse_AMissingTopic_IsNamed()
    {
        string text = ShippedLabs.Text("explain.json").Replace("\"kill\": {", "\"kil\": {", StringComparison.Ordinal);
        LabFormatException e = Assert.Throws<LabFormatException>(() => ExplainTexts.Parse(Encoding.UTF8.GetBytes(text), "explain.json"));
        Assert.Contains("unknown field \"kil\" in topics", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AnUnknownPlaceholder_IsNamedWithItsLine()
    {
        string text = ShippedLabs.Text("explain.json").Replace("you killed {worker}", "you killed {victim}", StringComparison.Ordinal);
        int line = text[..text.IndexOf("{victim}", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        LabFormatException e = Assert.Throws<LabFormatException>(() => ExplainTexts.Parse(Encoding.UTF8.GetBytes(text), "explain.json"));

        Assert.StartsWith($"explain.json:{line}:", e.Message, StringComparison.Ordinal);
        Assert.Contains("topics.kill.title: unknown placeholder {victim}", e.Message, StringComparison.Ordinal);
    }
}
