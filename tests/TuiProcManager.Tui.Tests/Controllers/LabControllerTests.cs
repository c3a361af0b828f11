using System.Text;
using Microsoft.Extensions.Time.Testing;
using TuiProcManager.Core.Workers;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Linux.Files;
using TuiProcManager.Tui.Controllers;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Controllers;

/// <summary>The lab's controller on its own: no window, no Terminal.Gui; the header records what it is told, time is fake.</summary>
public sealed class LabControllerTests : IDisposable
{
    private readonly EventBuilder _e = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("tuiproc-labcontroller-").FullName;
    private readonly SaidLines _status = new();
    private readonly FakeTimeProvider _time = new(EventBuilder.T0);

    /// <summary>A checked step, then a question (the lab the controller's tests open).</summary>
    internal static Lab TwoSteps { get; } = LabReader.Parse(Encoding.UTF8.GetBytes("""
        { "format": "tuiproc-lab/1", "id": "t", "name": "test", "title": "Two steps", "summary": "s", "steps": [
          { "id": "start", "title": "Start a square worker", "text": "Press s.", "hints": ["The s key."], "check": { "spawned": { "kind": "square" } }, "done": "It runs." },
          { "id": "ask", "title": "What is 2 + 2?", "text": "Think.", "question": { "choices": ["3", "4"], "answer": "4" } }
        ] }
        """), "t.json");

    private ProgressStore Store => new(RegularFileReader.Instance, Path.Combine(_dir, "state"));

    private LabController Open(List<LabRecord>? records = null) => new(new LabOptions
    {
        Lab = TwoSteps,
        Store = Store,
        ProgressKey = "t",
        ReportDirectory = _dir,
        Files = OutputFileOpener.Instance,
        Record = records is null ? null : records.Add,
    }, _time, cores: 2, _status, ascii: true);

    [Fact]
    public void Observe_AStepsEvent_TicksIt_SavesAtOnce_WithTheTimeOnTheLabsClock()
    {
        _time.Advance(TimeSpan.FromHours(1));
        LabController lab = Open();

        bool done = lab.Observe(_e.Spawned(1, WorkerSpec.Square("10")));

        Assert.True(done);
        Assert.Equal("[x] Step 1 done: It runs.", lab.Message?.Text);
        Assert.Equal(["lab: step 1 of 2 done"], _status.Notes);
        LabProgress? saved = Store.Load("t", out string? problem);
        Assert.Null(problem);
        Assert.Equal(EventBuilder.T0.AddHours(1), saved!.StartedAt);
        Assert.NotNull(saved.Steps["start"].DoneAt);
    }

    [Fact]
    public void Observe_AnEventNoStepWaitsFor_TicksNothing_SavesNothing()
    {
        LabController lab = Open();

        Assert.False(lab.Observe(_e.Spawned(1, WorkerSpec.Cube("10"))));

        Assert.Null(lab.Message);
        Assert.Null(Store.Load("t", out _));
    }

    [Fact]
    public void Answer_Wrong_IsRecordedAndSaved_Right_TicksTheStepOnceTheDialogCloses()
    {
        List<LabRecord> records = [];
        LabController lab = Open(records);
        lab.Observe(_e.Spawned(1, WorkerSpec.Square("10")));
        (LabStep step, _) = lab.Question()!.Value;

        Assert.Equal(AnswerOutcome.Wrong, lab.Answer(step, "3").Outcome);
        AnswerResult right = lab.Answer(step, "4");
        lab.Answered(right);

        Assert.Equal(["3", "4"], records.Where(r => r.Kind == LabRecordKind.Answer).Select(r => r.Answer));
        Assert.True(lab.Session.IsFinished);
        Assert.Equal("lab finished: E saves a report for your teacher", _status.Notes[^1]);
    }

    [Fact]
    public void Question_OnAStepWithout_SaysSoAndGivesNone()
    {
        LabController lab = Open();

        Assert.Null(lab.Question());

        Assert.Equal(["this step asks no question: do what it says; it is ticked when the events show it"], _status.Said);
    }

    [Fact]
    public void Hint_TheStepsHintsOnce_ThenSaysThereAreNoMore()
    {
        List<LabRecord> records = [];
        LabController lab = Open(records);

        Assert.True(lab.Hint());
        Assert.False(lab.Hint());

        Assert.Equal(["no more hints for this step"], _status.Said);
        Assert.Single(records, r => r.Kind == LabRecordKind.Hint);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
