using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Labs.Tests.TestSupport;

namespace TuiProcManager.Labs.Tests.Sessions;

/// <summary>
/// Each shipped lab completed on a stream such as the supervisor publishes for a student doing it right,
/// and the same lab not ticked by the near misses: the wrong N, one join instead of two, a terminate on
/// a running worker, a pool worker that crashed by itself. Lab 4 has its own class
/// (<see cref="ShippedLab4SessionTests"/>).
/// </summary>
public sealed class ShippedLabSessionTests
{
    [Fact]
    public void Lab1_TheLessonsExample_DoneStepByStep()
    {
        LabRun run = new("1");
        EventScript s = run.Script;

        s.Square(1, "9"); // the wrong N first
        Assert.Empty(run.Feed());
        Assert.Equal("start-square", run.Current);

        s.Square(2);
        Assert.Equal(["start-square"], run.Feed());
        s.Cube(3);
        Assert.Equal(["start-cube"], run.Feed());
        s.Advance(5000);
        s.Print(2, "Square: 100");
        Assert.Empty(run.Feed()); // the cube's line is missing still
        s.Print(3, "Cube: 1000");
        Assert.Equal(["results-printed"], run.Feed());
        s.End(1);
        s.End(2);
        s.End(3);
        s.Join(2);
        s.Join(3);
        Assert.Empty(run.Feed()); // worker 1 (square 9) is not joined: no Done! yet
        s.Join(1);
        Assert.Equal(["join-both"], run.Feed());

        Assert.Equal(AnswerOutcome.Wrong, run.Answer("None").Outcome);
        Assert.Equal(AnswerOutcome.NotAChoice, run.Answer("7").Outcome);
        Assert.Equal(["exitcode"], run.Answer("2").Done.Select(i => run.Lab.Steps[i].Id)); // "0", by its number

        s.Cube(4, "3");
        s.End(4);
        Assert.Empty(run.Feed());
        s.Join(4);
        Assert.Equal(["cube-3"], run.Feed());
        Assert.Equal(AnswerOutcome.Wrong, run.Answer("27 cubed").Outcome);
        Assert.Equal(AnswerOutcome.Right, run.Answer("  cube:   27 ").Outcome); // case and spaces do not matter
        Assert.True(run.Session.IsFinished);
        Assert.Equal(2, run.Session.WrongAnswers);
    }

    [Fact]
    public void Lab1_StepsDoneOutOfOrder_TickAsSoonAsTheyAreCurrent()
    {
        LabRun run = new("1");
        EventScript s = run.Script;
        s.Cube(1); // the cube first: step 2 holds, but step 1 is current
        Assert.Empty(run.Feed());
        s.Square(2);
        Assert.Equal(["start-square", "start-cube"], run.Feed());
    }

    [Fact]
    public void Lab2_ProcessesAndCpus_BusyWorkersOnEveryCore()
    {
        LabRun run = new("2", cores: 2);
        EventScript s = run.Script;
        s.Square(1); // watchable, not busy: it waits 200 ms a step
        s.Square(2);
        Assert.Empty(run.Feed());

        s.Square(3, "5", EventScript.Busy);
        s.Cube(4, "5", EventScript.Busy);
        Assert.Equal(["start-busy", "all-running"], run.Feed()); // both busy ones are running
        s.Cpu(95, 40);
        s.Cpu(96, 97);
        s.Cpu(99, 98);
        Assert.Empty(run.Feed()); // two seconds only: one core was at 40% in the first sample
        s.Cpu(97, 99);
        Assert.Equal(["cores-busy"], run.Feed());
        Assert.Equal(AnswerOutcome.Right, run.Answer("one per core").Outcome);
        foreach (int w in new[] { 1, 2, 3, 4 })
        {
            s.End(w);
            s.Join(w);
        }

        Assert.Equal(["join-all"], run.Feed());
        Assert.True(run.Session.IsFinished);
    }

    [Fact]
    public void Lab2_CoresCountFromTheStream_AndTheStepTextSaysIt()
    {
        LabRun run = new("2", cores: 2);
        run.Script.Cpu(1, 1, 1, 1);
        run.Feed();
        Assert.Equal("Start one busy worker per core (4 here)", run.Session.Expand(run.Lab.Steps[0].Title));
        run.Script.Square(1, "1", EventScript.Busy);
        run.Script.Square(2, "2", EventScript.Busy);
        Assert.Empty(run.Feed()); // 2 of 4
    }

    [Fact]
    public void Lab3_Signals_PauseResumeTerminatePausedKillJoinTimeout()
    {
        LabRun run = new("3");
        EventScript s = run.Script;
        s.Square(1);
        Assert.Equal(["start"], run.Feed());

        s.Signal(1, ProcessSignal.Stop, SignalCause.Scheduler); // the scheduler's, not the student's
        s.State(1, WorkerState.Paused, WorkerState.Running);
        Assert.Empty(run.Feed());
        s.Signal(1, ProcessSignal.Continue, SignalCause.Scheduler);
        s.State(1, WorkerState.Running, WorkerState.Paused);

        s.Signal(1, ProcessSignal.Stop);
        Assert.Empty(run.Feed()); // asked, but not yet seen stopped
        s.State(1, WorkerState.Paused, WorkerState.Running);
        Assert.Equal(["pause"], run.Feed());
        s.Signal(1, ProcessSignal.Continue);
        s.State(1, WorkerState.Running, WorkerState.Paused);
        Assert.Equal(["resume"], run.Feed());
        Assert.Equal(AnswerOutcome.Right, run.Answer("2").Outcome);

        s.Square(2);
        s.Signal(2, ProcessSignal.Terminate); // running, not paused: a near miss
        s.End(2, WorkerExit.Signaled(15, "SIGTERM"));
        Assert.Empty(run.Feed());

        s.Signal(1, ProcessSignal.Stop);
        s.State(1, WorkerState.Paused, WorkerState.Running);
        s.Signal(1, ProcessSignal.Terminate);
        s.Signal(1, ProcessSignal.Continue, SignalCause.FollowUp);
        Assert.Empty(run.Feed()); // not ended yet
        s.End(1, WorkerExit.Signaled(15, "SIGTERM"));
        Assert.Equal(["terminate-paused"], run.Feed());

        s.Square(3);
        s.Signal(3, ProcessSignal.Kill);
        s.End(3, WorkerExit.Signaled(9, "SIGKILL"));
        Assert.Equal(["kill"], run.Feed());

        s.Square(4);
        s.Join(4, JoinOutcome.Ended); // a join that waited for the end is no timeout
        Assert.Empty(run.Feed());
        s.Square(5);
        s.Join(5, JoinOutcome.TimedOut, TimeSpan.FromSeconds(2));
        Assert.Equal(["join-timeout"], run.Feed());
        Assert.Equal(AnswerOutcome.Wrong, run.Answer("-15").Outcome);
        Assert.Equal(AnswerOutcome.Right, run.Answer("None").Outcome);

        s.End(4);
        s.End(5);
        foreach (int w in new[] { 1, 2, 3, 5 })
        {
            s.Join(w);
        }

        Assert.Equal(["clean-up"], run.Feed());
        Assert.True(run.Session.IsFinished);
    }

    [Fact]
    public void Lab5_Pool_ResultsShared_AWorkerKilledMidInput_ThePoolStillEnds()
    {
        LabRun run = new("5");
        EventScript s = run.Script;
        s.Pool(1, inputs: 5, size: 2); // too few inputs
        Assert.Empty(run.Feed());
        s.Pool(2, inputs: 10, size: 2);
        Assert.Equal(["start-pool"], run.Feed());
        for (int i = 1; i <= 4; i++)
        {
            s.Result(10, i.ToString(System.Globalization.CultureInfo.InvariantCulture), (i * i).ToString(System.Globalization.CultureInfo.InvariantCulture), pool: 2);
        }

        s.Result(11, "3", "9"); // a single worker's, not the pool's
        Assert.Empty(run.Feed());
        s.Result(10, "7", "49", pool: 2);
        Assert.Equal(["shared-results"], run.Feed());
        Assert.Equal(AnswerOutcome.Right, run.Answer("49").Outcome);

        s.Spawn(20, WorkerSpec.PoolWorker(new Core.Pooling.PoolId(3)));
        s.Pool(3, inputs: 10, size: 2);
        s.End(20, WorkerExit.Signaled(11, "SIGSEGV")); // it crashed by itself
        s.PoolWorkerLost(20, 3, 21);
        Assert.Empty(run.Feed());

        s.Spawn(22, WorkerSpec.PoolWorker(new Core.Pooling.PoolId(3)));
        s.Signal(22, ProcessSignal.Kill);
        s.End(22, WorkerExit.Signaled(9, "SIGKILL"));
        s.PoolWorkerLost(22, 3, 23);
        Assert.Equal(["kill-pool-worker"], run.Feed());
        s.PoolDone(2, 10, 0);
        Assert.Empty(run.Feed()); // no input failed in that one
        s.PoolDone(3, 8, 2);
        Assert.Equal(["pool-ends"], run.Feed());
        Assert.Equal(AnswerOutcome.Right, run.Answer("2").Outcome);
        Assert.True(run.Session.IsFinished);
    }
}
