using System.Text;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Labs.Checks;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Labs.Tests.TestSupport;

namespace TuiProcManager.Labs.Tests.Sessions;

/// <summary>
/// The shipped labs say only what the student's own screen shows at that step: lab 1 said "two processes
/// now run at once" when square 10 had ended before cube 10 started; lab 3 took None for p.exitcode while
/// the EXIT column said exit 0; a typed answer in the screen's own form (<c>square(7) = 49</c>) was
/// refused; lab 2 on one core asked for one worker, then for two joined.
/// </summary>
public sealed class ShippedLabScreenTruthTests
{
    [Fact]
    public void Lab1_CubeStartedAfterTheSquareEnded_IsNotTwoAtOnce_BothStartedTogetherIs()
    {
        LabRun run = new("1");
        EventScript s = run.Script;
        s.Square(1);
        Assert.Equal(["start-square"], run.Feed());
        s.Advance(5000);
        s.End(1); // a student's pace: square 10 is over before cube 10 starts
        s.Advance(3000);
        s.Cube(2);
        Assert.Empty(run.Feed());
        Assert.Equal("start-cube", run.Current);

        s.Square(3); // the hint: both again, at once
        s.Cube(4);
        Assert.Equal(["start-cube"], run.Feed());
    }

    [Fact]
    public void Lab1_TwoAtOnceMeansRunning_ASquareThatOnlyWaitsWhileTheCubeRunsDoesNotCount()
    {
        LabRun run = new("1");
        EventScript s = run.Script;
        s.Square(1);
        s.State(1, WorkerState.Waiting, WorkerState.Running);
        s.Cube(2);
        s.State(2, WorkerState.Waiting, WorkerState.Running);
        s.State(1, WorkerState.Running, WorkerState.Waiting);
        Assert.Equal(["start-square"], run.Feed()); // alive together, never both running

        s.State(2, WorkerState.Running, WorkerState.Waiting);
        Assert.Equal(["start-cube"], run.Feed());
    }

    [Fact]
    public void Lab3_ExitcodeWhenTheJoinGaveUp_IsNone_AlthoughTheWorkerHasSinceExitedZero()
    {
        LabRun run = new("3");
        int question = Array.FindIndex([.. run.Lab.Steps], st => st.Id == "exitcode-after-timeout");
        LabStep step = run.Lab.Steps[question];
        Assert.StartsWith("When p.join(2) gave up", step.Title, StringComparison.Ordinal);
        Assert.Contains("EXIT column says 0,", step.Text, StringComparison.Ordinal);

        EventScript s = run.Script;
        s.Square(1);
        s.Signal(1, ProcessSignal.Stop);
        s.State(1, WorkerState.Paused, WorkerState.Running);
        s.Signal(1, ProcessSignal.Continue);
        s.State(1, WorkerState.Running, WorkerState.Paused);
        run.Feed();
        run.Answer("2");
        s.Square(2);
        s.Signal(2, ProcessSignal.Stop);
        s.State(2, WorkerState.Paused, WorkerState.Running);
        s.Signal(2, ProcessSignal.Terminate);
        s.End(2, WorkerExit.Signaled(15, "SIGTERM"));
        s.Square(3);
        s.Signal(3, ProcessSignal.Kill);
        s.End(3, WorkerExit.Signaled(9, "SIGKILL"));
        s.Square(4);
        s.Join(4, JoinOutcome.TimedOut, TimeSpan.FromSeconds(2));
        s.Advance(3000);
        s.End(4); // what the student sees by the time they answer: exit 0
        run.Feed();
        Assert.Equal("exitcode-after-timeout", run.Current);

        Assert.Equal(AnswerOutcome.Wrong, run.Answer("0").Outcome);
        Assert.Equal(AnswerOutcome.Right, run.Answer("None").Outcome);
    }

    [Theory]
    [InlineData("49")]
    [InlineData("square(7) = 49")]
    [InlineData("square(7)=49")]
    [InlineData("  SQUARE( 7 ) =  49 ")]
    public void Lab5_Square7_TheValueOrTheResultsRowAsShown_IsRight(string typed)
    {
        LabRun run = AtLab5Square7();
        AnswerResult result = run.Answer(typed);
        Assert.Equal(AnswerOutcome.Right, result.Outcome);
        Assert.Equal(0, run.Session.WrongAnswers);
    }

    [Theory]
    [InlineData("48")]
    [InlineData("square(7) = 48")]
    [InlineData("square(6) = 49")]
    [InlineData("7")]
    [InlineData("")]
    public void Lab5_Square7_AnotherValueOrInput_IsWrong(string typed)
    {
        LabRun run = AtLab5Square7();
        Assert.Equal(AnswerOutcome.Wrong, run.Answer(typed).Outcome);
    }

    [Theory]
    [InlineData("Cube: 27")]
    [InlineData("cube:27")]
    [InlineData("27")]
    [InlineData("[4 cube 3]   Cube: 27")]
    [InlineData("  Cube: 27  ")]
    public void Lab1_Cube3_TheLineAsTheOutputShowsItOrTheValue_IsRight(string typed)
    {
        LabRun run = AtLab1Cube3();
        Assert.Equal(AnswerOutcome.Right, run.Answer(typed).Outcome);
    }

    [Theory]
    [InlineData("Cube: 9")]
    [InlineData("Square: 27")]
    [InlineData("[4 cube 3] Cube: 28")]
    [InlineData("27 cubed")]
    [InlineData("[4 cube 3]")]
    public void Lab1_Cube3_AnotherLine_IsWrong(string typed)
    {
        LabRun run = AtLab1Cube3();
        Assert.Equal(AnswerOutcome.Wrong, run.Answer(typed).Outcome);
    }

    [Fact]
    public void Lab2_OnOneCore_OneBusyWorker_ThenOneJoined_FinishesTheLab()
    {
        LabRun run = new("2", cores: 1);
        EventScript s = run.Script;
        Assert.Equal("Start one busy worker per core (1 here)", run.Session.Expand(run.Lab.Steps[0].Title));
        s.Square(1, "5", EventScript.Busy);
        Assert.Equal(["start-busy", "all-running"], run.Feed());
        s.Cpu(99);
        s.Cpu(98);
        s.Cpu(97);
        Assert.Equal(["cores-busy"], run.Feed());
        Assert.Equal(AnswerOutcome.Right, run.Answer("one per core").Outcome);
        s.End(1);
        s.Join(1);
        Assert.Equal(["join-all"], run.Feed());
        Assert.True(run.Session.IsFinished);
    }

    [Fact]
    public void Lab2_OnTwoCores_OneWorkerJoined_IsNotEnough()
    {
        LabRun run = new("2", cores: 2);
        EventScript s = run.Script;
        s.Square(1, "5", EventScript.Busy);
        s.Cube(2, "5", EventScript.Busy);
        s.Cpu(99, 99);
        s.Cpu(98, 98);
        s.Cpu(97, 97);
        Assert.Equal(["start-busy", "all-running", "cores-busy"], run.Feed());
        run.Answer("2");
        s.End(1);
        s.Join(1);
        Assert.Empty(run.Feed()); // cube 5 is not joined yet
        s.End(2);
        s.Join(2);
        Assert.Equal(["join-all"], run.Feed());
    }

    [Fact]
    public void AllJoined_AtLeastCores_IsRead_AndAWordOtherThanCoresIsRefusedWithItsPlace()
    {
        Lab lab = LabReader.Parse(Encoding.UTF8.GetBytes(Wrap("""{ "allJoined": { "atLeast": "cores" } }""")), "ok.json");
        AllJoinedCheck check = Assert.IsType<AllJoinedCheck>(lab.Steps[0].Check);
        Assert.Equal(Count.Cores, check.AtLeast);
        Assert.Equal("every worker started joined, at least as many as there are cores (Done!)", check.Describe());

        LabFormatException e = Assert.Throws<LabFormatException>(() =>
            LabReader.Parse(Encoding.UTF8.GetBytes(Wrap("""{ "allJoined": { "atLeast": "all" } }""")), "bad.json"));
        Assert.Contains("steps[0].check.allJoined.atLeast", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"cores\"", e.Message, StringComparison.Ordinal);
    }

    private static string Wrap(string check) =>
        $$"""{ "format": "tuiproc-lab/1", "id": "9", "name": "t", "title": "t", "summary": "t", "steps": [ { "id": "a", "title": "a", "text": "a", "check": {{check}} } ] }""";

    private static LabRun AtLab5Square7()
    {
        LabRun run = new("5");
        EventScript s = run.Script;
        s.Pool(1, 10, 2);
        for (int i = 1; i <= 7; i++)
        {
            s.Result(10 + (i % 2), i.ToString(System.Globalization.CultureInfo.InvariantCulture), (i * i).ToString(System.Globalization.CultureInfo.InvariantCulture), pool: 1);
        }

        run.Feed();
        Assert.Equal("square-7", run.Current);
        return run;
    }

    private static LabRun AtLab1Cube3()
    {
        LabRun run = new("1");
        EventScript s = run.Script;
        s.Square(1);
        s.Cube(2);
        s.Print(1, "Square: 100");
        s.Print(2, "Cube: 1000");
        s.End(1);
        s.End(2);
        s.Join(1);
        s.Join(2);
        run.Feed();
        run.Answer("0");
        s.Cube(4, "3");
        s.End(4);
        s.Join(4);
        run.Feed();
        Assert.Equal("cube-3-printed", run.Current);
        return run;
    }
}
