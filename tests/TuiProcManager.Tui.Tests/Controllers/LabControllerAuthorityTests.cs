using System.Reactive.Linq;
using Microsoft.Extensions.Time.Testing;
using TuiProcManager.Core.Workers;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Linux.Files;
using TuiProcManager.Tui.Controllers;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Controllers;

/// <summary>
/// The lab's controller in a session: the lab is decided by its authority (a real <see cref="LabKeeper"/>,
/// as the session server runs it), the controller shows what it is told and passes hints and answers on.
/// </summary>
public sealed class LabControllerAuthorityTests : IDisposable
{
    private readonly EventBuilder _e = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("tuiproc-labauthority-").FullName;
    private readonly SaidLines _status = new();
    private readonly FakeTimeProvider _time = new(EventBuilder.T0);
    private readonly LabKeeper _server;

    public LabControllerAuthorityTests() => _server = new LabKeeper(TwoSteps, Store("server"), "t", null, _time, cores: 2);

    private static Lab TwoSteps => LabControllerTests.TwoSteps;

    private ProgressStore Store(string name) => new(RegularFileReader.Instance, Path.Combine(_dir, name));

    private LabController Open(List<LabRecord>? records = null) => new(new LabOptions
    {
        Lab = TwoSteps,
        Store = Store("client"),
        ProgressKey = "t",
        ReportDirectory = _dir,
        Files = OutputFileOpener.Instance,
        Record = records is null ? null : records.Add,
        Authority = _server,
    }, _time, cores: 2, _status, ascii: true);

    [Fact]
    public void Observe_WithAnAuthority_DecidesNothingHere_UpdatedSaysTheStepItDecided()
    {
        LabController lab = Open();

        bool here = lab.Observe(_e.Spawned(1, WorkerSpec.Square("10"))); // the screen's copy of the event
        _server.Observe(_e.Spawned(1, WorkerSpec.Square("10"))); // the server's, from the lossless stream
        LabProgress decided = _server.Progress.FirstAsync().Wait();
        bool shown = lab.Updated(decided);
        bool again = lab.Updated(decided);

        Assert.False(here);
        Assert.True(shown);
        Assert.False(again); // the same progress twice says nothing twice
        Assert.Equal("[x] Step 1 done: It runs.", lab.Message?.Text);
        Assert.Equal(["lab: step 1 of 2 done"], _status.Notes);
        Assert.Equal(1, lab.Session.Current);
        Assert.Null(Store("client").Load("t", out _)); // saved where it is decided, not here
        lab.Save();
        Assert.Null(Store("client").Load("t", out _));
    }

    [Fact]
    public void Hint_GoesToTheAuthority_IsShownAtOnce_AndRecordedHere()
    {
        List<LabRecord> records = [];
        LabController lab = Open(records);

        Assert.True(lab.Hint());
        Assert.False(lab.Hint());

        Assert.Equal(["The s key."], lab.Session.HintsShownFor(0));
        Assert.Equal(1, Store("server").Load("t", out _)!.Steps["start"].HintsShown);
        Assert.Equal([LabRecordKind.Hint], records.Select(r => r.Kind));
        Assert.Equal(["no more hints for this step"], _status.Said);
    }

    [Fact]
    public void Answer_IsJudgedByTheAuthority_WrongCountedThere_RightTicksOnceTheDialogCloses()
    {
        List<LabRecord> records = [];
        LabController lab = Open(records);
        _server.Observe(_e.Spawned(1, WorkerSpec.Square("10")));
        lab.Updated(_server.Progress.FirstAsync().Wait());
        (LabStep step, _) = lab.Question()!.Value;

        AnswerResult wrong = lab.Answer(step, "3");
        AnswerResult right = lab.Answer(step, "4");
        lab.Answered(right);

        Assert.Equal((AnswerOutcome.Wrong, AnswerOutcome.Right), (wrong.Outcome, right.Outcome));
        Assert.Equal(1, Store("server").Load("t", out _)!.Steps["ask"].WrongAnswers);
        Assert.Equal(["3", "4"], records.Select(r => r.Answer));
        Assert.True(lab.Session.IsFinished);
        Assert.StartsWith("[x] Step 2 done", lab.Message?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_ToAStepTheAuthorityHasMovedPast_SaysWhy_CountsNothing()
    {
        LabController lab = Open();
        _server.Observe(_e.Spawned(1, WorkerSpec.Square("10")));
        _server.Answer("ask", "4"); // another client answered first; this one has not been told yet

        AnswerResult late = lab.Answer(TwoSteps.Steps[1], "3");

        Assert.Equal(AnswerOutcome.NoQuestion, late.Outcome);
        Assert.Equal("the lab is finished: E saves a report", late.Message);
        Assert.Equal(0, Store("server").Load("t", out _)!.Steps["ask"].WrongAnswers);
        Assert.True(lab.Session.IsFinished); // shown as the authority has it
    }

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
