using TuiProcManager.Core.Scheduling;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Labs.Tests.TestSupport;

namespace TuiProcManager.Labs.Tests.Sessions;

public sealed class LabSessionTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ShowHint_RevealsOneAtATime_CountsThem_AndRunsOut()
    {
        LabSession session = new(TestLabs.FourSteps, null, Start, 2);

        Assert.Equal("one", session.ShowHint());
        Assert.Equal("two", session.ShowHint());
        Assert.Null(session.ShowHint());
        Assert.Equal(2, session.HintsUsed);
        Assert.Equal(["one", "two"], session.HintsShownFor(0));
    }

    [Fact]
    public void Answer_OnACheckedStep_IsNoQuestion_AndCountsNothing()
    {
        LabSession session = new(TestLabs.FourSteps, null, Start, 2);

        Assert.Equal(AnswerOutcome.NoQuestion, session.Answer("100", Start).Outcome);
        Assert.Equal(0, session.WrongAnswers);
    }

    [Fact]
    public void ComputedAnswer_BeforeARunOfEachMode_IsNotYet_NotCountedAsWrong()
    {
        EventScript s = new();
        LabSession session = new(TestLabs.Parse("""{ "id": "f", "title": "F", "text": "?", "question": { "choices": ["parallel", "pause-on-wait"], "answerFrom": "fasterMode" } }"""), null, s.Now, 2);
        s.Square(1);
        s.Square(2);
        s.Advance(1000);
        s.End(1);
        s.End(2);
        foreach (var e in s.Events)
        {
            session.Observe(e);
        }

        AnswerResult early = session.Answer("parallel", s.Now);
        Assert.Equal(AnswerOutcome.NotYet, early.Outcome);
        Assert.Contains("finish a whole run", early.Message, StringComparison.Ordinal);
        Assert.Equal(0, session.WrongAnswers);
    }

    [Fact]
    public void Resume_FromSavedProgress_DoneStepsStayDone_HintsAndWrongAnswersCarryOver()
    {
        EventScript s = new();
        LabSession first = new(TestLabs.FourSteps, null, s.Now, 2);
        first.ShowHint();
        s.Square(1);
        first.Observe(s.Events[0]);
        Assert.Equal(AnswerOutcome.Wrong, first.Answer("99", s.Now).Outcome);
        s.Advance(60_000);
        LabProgress saved = first.Progress(s.Now);
        Assert.Equal(60, saved.ActiveSeconds);

        LabSession second = new(TestLabs.FourSteps, saved, s.Now.AddHours(1), 2);

        Assert.Equal(1, second.Current); // the question, where it was left
        Assert.Equal((1, 1, 1), (second.DoneCount, second.HintsUsed, second.WrongAnswers));
        Assert.Equal(TimeSpan.FromSeconds(90), second.Elapsed(s.Now.AddHours(1).AddSeconds(30))); // an hour away is not counted
        Assert.Equal(saved.StartedAt, second.Progress(s.Now).StartedAt);
    }

    [Fact]
    public void Finish_FreezesTheTime_AndSetsFinishedAt()
    {
        EventScript s = new();
        LabSession session = new(TestLabs.Parse("""{ "id": "a", "title": "A", "text": "s", "check": { "spawned": {} } }"""), null, s.Now, 2);
        s.Advance(5000);
        s.Square(1);
        foreach (var e in s.Events)
        {
            session.Observe(e);
        }

        Assert.True(session.IsFinished);
        Assert.Equal(s.Now, session.FinishedAt);
        Assert.Equal(TimeSpan.FromSeconds(5), session.Elapsed(s.Now.AddMinutes(10)));
    }

    [Fact]
    public void Check_HeldEvenOnce_StaysHeld_ThoughTheWorldMovedOn()
    {
        // runningAtOnce holds for a moment only: the step must still tick when it becomes current later.
        EventScript s = new();
        LabSession session = new(TestLabs.Parse("""
            { "id": "q", "title": "Q", "text": "?", "question": { "answers": ["x"] } },
            { "id": "both", "title": "B", "text": "b", "check": { "runningAtOnce": { "atLeast": 2 } } }
            """), null, s.Now, 2);
        s.Square(1);
        s.Square(2);
        s.End(1);
        s.End(2);
        foreach (var e in s.Events)
        {
            session.Observe(e);
        }

        Assert.Equal(AnswerOutcome.Right, session.Answer("x", s.Now).Outcome);
        Assert.True(session.IsFinished);
    }

    [Fact]
    public void PauseOnWait_APauseMakesTheWorkerLeaveTheScheduler_NotAResume_TheResumeReadmitsIt()
    {
        EventScript s = new();
        LabSession session = new(TestLabs.Parse("""
            { "id": "p", "title": "P", "text": "p", "check": { "paused": {} } },
            { "id": "r", "title": "R", "text": "r", "check": { "resumed": {} } }
            """), null, s.Now, 2);
        s.Mode(SchedulingMode.PauseOnWait, 1);
        s.Square(1);
        s.Signal(1, Core.Os.ProcessSignal.Stop); // the user's pause: SIGSTOP, then the worker leaves the scheduler
        s.Add((q, t) => new Core.Events.WorkerScheduled(q, t, new Core.Workers.WorkerId(1), SlotChange.Left, "paused by the user", 0, 0));
        s.State(1, Core.Workers.WorkerState.Paused, Core.Workers.WorkerState.Running);
        foreach (var e in s.Events)
        {
            session.Observe(e);
        }

        Assert.Equal(1, session.Current); // paused, not yet resumed
        session.Observe(s.Add((q, t) => new Core.Events.WorkerScheduled(q, t, new Core.Workers.WorkerId(1), SlotChange.Granted, "resumed by the user", 1, 0)));
        Assert.True(session.IsFinished);
    }

    [Fact]
    public void Snapshot_WorkersAliveWhenTheLabOpens_CountAsSpawned()
    {
        LabSession session = new(TestLabs.FourSteps, null, Start, 2);
        Core.Events.WorkerInfo alive = new(
            new Core.Workers.WorkerId(1), Core.Workers.WorkerSpec.Square("10"), 500, Core.Workers.WorkerState.Running, null,
            Start, null, false, 0, null, []);

        IReadOnlyList<int> done = session.Observe(new Core.Events.SupervisorSnapshot(1, Start, [alive], SchedulingMode.Parallel, 1));

        Assert.Equal([0], done);
    }
}
