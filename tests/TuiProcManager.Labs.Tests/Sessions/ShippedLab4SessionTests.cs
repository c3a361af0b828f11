using TuiProcManager.Core.Events;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Labs.Tests.TestSupport;

namespace TuiProcManager.Labs.Tests.Sessions;

/// <summary>
/// Shipped lab 4 (async vs parallel) completed on a stream such as the supervisor publishes, and its near
/// misses: turns taken in parallel mode, a run whose mode changed on the way; the faster mode is the one
/// the runs showed, not the lesson's.
/// </summary>
public sealed class ShippedLab4SessionTests
{
    [Fact]
    public void Lab4_AsyncVsParallel_TurnsOnOneSlot_TheFasterModeIsWhatTheRunsDid()
    {
        LabRun run = new("4");
        EventScript s = run.Script;

        // Turns taken in parallel mode (waits that happen to alternate) do not count.
        StartThree(s, 1);
        TakeTurns(s, 1, 3);
        EndAll(s, 1, 3, 1000);
        Assert.Empty(run.Feed());
        Assert.Equal(0, run.Session.World.Turns);

        s.Mode(SchedulingMode.PauseOnWait, 1);
        Assert.Equal(["pause-on-wait"], run.Feed());
        StartThree(s, 4);
        TakeTurns(s, 4, 3);
        Assert.Equal(["take-turns"], run.Feed());
        EndAll(s, 4, 3, 2000);
        Assert.Equal(["async-run"], run.Feed());
        // The parallel run at the start counts for the later step (a step is done however, and whenever,
        // the student did it): answering the question ticks it too.
        Assert.Equal(["one-at-a-time", "parallel-run"], run.Answer("one").Done.Select(i => run.Lab.Steps[i].Id));
        Assert.Equal("faster", run.Current);
        Assert.Equal(AnswerOutcome.Wrong, run.Answer("pause-on-wait").Outcome);
        Assert.Equal(AnswerOutcome.Right, run.Answer("parallel").Outcome);
        Assert.Equal(AnswerOutcome.Right, run.Answer("2").Outcome);
        Assert.True(run.Session.IsFinished);
    }

    [Fact]
    public void Lab4_FasterMode_FollowsTheRuns_NotTheLesson()
    {
        LabRun run = new("4");
        EventScript s = run.Script;
        s.Mode(SchedulingMode.PauseOnWait, 1);
        StartThree(s, 1);
        TakeTurns(s, 1, 3);
        EndAll(s, 1, 3, 800); // 3.2 s: quicker than the parallel run below (contrived, but the answer must follow the runs)
        run.Feed();
        Assert.Equal(AnswerOutcome.Right, run.Answer("one").Outcome);
        s.Mode(SchedulingMode.Parallel, 1);
        StartThree(s, 4);
        run.Feed();
        Assert.Equal(AnswerOutcome.NoQuestion, run.Answer("parallel").Outcome); // the parallel run is its step, going on
        EndAll(s, 4, 3, 5000);
        run.Feed();
        Assert.Equal("faster", run.Current);
        Assert.Equal(AnswerOutcome.Right, run.Answer("pause-on-wait").Outcome);
    }

    [Fact]
    public void Lab4_ARunWhoseModeChangedOnTheWay_DoesNotCount()
    {
        LabRun run = new("4");
        EventScript s = run.Script;
        s.Mode(SchedulingMode.PauseOnWait, 1);
        StartThree(s, 1);
        TakeTurns(s, 1, 3);
        s.Mode(SchedulingMode.Parallel, 1);
        s.Mode(SchedulingMode.PauseOnWait, 1);
        EndAll(s, 1, 3, 1000);
        Assert.Equal(["pause-on-wait", "take-turns"], run.Feed());
        Assert.Equal("async-run", run.Current);
    }

    private static void StartThree(EventScript s, int first)
    {
        for (int w = first; w < first + 3; w++)
        {
            s.Add((q, t) => new WorkerSpawned(q, t, new WorkerId(w), WorkerSpec.Square(w.ToString(System.Globalization.CultureInfo.InvariantCulture), EventScript.Watchable), 2000 + w));
        }
    }

    /// <summary>Each worker in turn runs alone, then waits: the next one runs.</summary>
    private static void TakeTurns(EventScript s, int first, int count)
    {
        for (int round = 0; round < 2; round++)
        {
            for (int w = first; w < first + count; w++)
            {
                s.Advance(100);
                s.State(w, WorkerState.Running, WorkerState.Waiting);
                s.Advance(300);
                s.State(w, WorkerState.Waiting, WorkerState.Running);
            }
        }
    }

    private static void EndAll(EventScript s, int first, int count, double afterMs)
    {
        s.Advance(afterMs);
        for (int w = first; w < first + count; w++)
        {
            s.End(w);
        }
    }
}
