using Microsoft.Extensions.Time.Testing;
using TuiProcManager.Core.Workers;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Labs.Tests.TestSupport;
using TuiProcManager.Linux.Files;

namespace TuiProcManager.Labs.Tests.Sessions;

/// <summary>A session server's lab: events, hints and answers from any thread, saved at once, pushed in order.</summary>
public sealed class LabKeeperTests : IDisposable
{
    private readonly EventBuilder _e = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("tuiproc-labkeeper-").FullName;
    private readonly FakeTimeProvider _time = new(EventBuilder.T0);

    private ProgressStore Store => new(RegularFileReader.Instance, _dir);

    private LabKeeper Open(LabProgress? saved = null) => new(TestLabs.FourSteps, Store, "t", saved, _time, cores: 2);

    [Fact]
    public void Observe_AnEventThatDoesAStep_SavesItAndPushesTheProgress()
    {
        using LabKeeper keeper = Open();
        List<LabProgress> pushed = [];
        using IDisposable watching = keeper.Progress.Subscribe(pushed.Add);

        keeper.Observe(_e.Spawned(1, WorkerSpec.Square("10")));

        Assert.Equal(2, pushed.Count); // the progress at subscription, then the step
        Assert.NotNull(pushed[1].Steps["start"].DoneAt);
        Assert.NotNull(Store.Load("t", out _)!.Steps["start"].DoneAt);
    }

    [Fact]
    public void Observe_AnEventNoStepWaitsFor_SavesNothing_PushesNothing()
    {
        using LabKeeper keeper = Open();
        List<LabProgress> pushed = [];
        using IDisposable watching = keeper.Progress.Subscribe(pushed.Add);

        keeper.Observe(_e.Spawned(1, WorkerSpec.Cube("10")));

        Assert.Single(pushed);
        Assert.Null(Store.Load("t", out _));
    }

    [Fact]
    public void Hint_OfTheCurrentStep_IsCountedSavedAndRecorded_OfAnotherStep_IsRefused()
    {
        using LabKeeper keeper = Open();
        List<LabRecord> records = [];
        keeper.Record = records.Add;

        LabChange shown = keeper.Hint("start");
        LabChange stale = keeper.Hint("ask");

        Assert.Null(shown.Problem);
        Assert.Equal(1, shown.Progress.Steps["start"].HintsShown);
        Assert.Equal(1, Store.Load("t", out _)!.Steps["start"].HintsShown);
        Assert.Equal(["start"], records.Select(r => r.Step));
        Assert.Contains("step 1 is the current step", stale.Problem, StringComparison.Ordinal);
        Assert.Equal(1, stale.Progress.Steps["start"].HintsShown);
    }

    [Fact]
    public void Hint_PastTheLastOne_SaysSo_AndCountsNothing()
    {
        using LabKeeper keeper = Open();
        keeper.Hint("start");
        keeper.Hint("start");

        LabChange none = keeper.Hint("start");

        Assert.Equal("no more hints for this step", none.Problem);
        Assert.Equal(2, none.Progress.Steps["start"].HintsShown);
    }

    [Fact]
    public void Answer_IsJudgedOnTheEventsBeforeIt_WrongIsCounted_RightDoesTheStep()
    {
        using LabKeeper keeper = Open();
        Assert.NotNull(keeper.Answer("ask", "100").Problem); // step 1 is not done yet: the question is not current

        keeper.Observe(_e.Spawned(1, WorkerSpec.Square("10")));
        LabChange wrong = keeper.Answer("ask", "99");
        LabChange right = keeper.Answer("ask", "100");

        Assert.Equal(AnswerOutcome.Wrong, wrong.Answer!.Outcome);
        Assert.Equal(1, wrong.Progress.Steps["ask"].WrongAnswers);
        Assert.Equal(AnswerOutcome.Right, right.Answer!.Outcome);
        Assert.Equal([1], right.Answer.Done);
        LabProgress saved = Store.Load("t", out _)!;
        Assert.Equal((1, "100"), (saved.Steps["ask"].WrongAnswers, saved.Steps["ask"].Answer));
    }

    [Fact]
    public void Open_ResumesSavedProgress_AndDispose_CompletesEveryWatcher()
    {
        LabProgress saved;
        using (LabKeeper first = Open())
        {
            first.Observe(_e.Spawned(1, WorkerSpec.Square("10")));
            saved = Store.Load("t", out _)!;
        }

        LabKeeper second = Open(saved);
        bool completed = false;
        using IDisposable watching = second.Progress.Subscribe(_ => { }, () => completed = true);
        LabChange hint = second.Hint("ask"); // the step after the one done before

        second.Dispose();

        Assert.Equal("no more hints for this step", hint.Problem);
        Assert.True(completed);
    }

    [Fact]
    public void SaveFailed_SaidOnceForAProblem_NotForEveryStepThatFailsTheSameWay()
    {
        string notADirectory = Path.Combine(_dir, "a-file");
        File.WriteAllText(notADirectory, "");
        using LabKeeper keeper = new(TestLabs.FourSteps, new ProgressStore(RegularFileReader.Instance, notADirectory), "t", null, _time, cores: 2);
        List<string> said = [];
        keeper.SaveFailed = said.Add;

        Assert.Null(keeper.Hint("start").Problem); // saved (and failed)
        keeper.Observe(_e.Spawned(1, WorkerSpec.Square("10"))); // a step done: saved again, failing the same way

        Assert.NotNull(keeper.SaveProblem);
        Assert.Equal([keeper.SaveProblem], said);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
