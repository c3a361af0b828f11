using System.Text;
using Terminal.Gui.Input;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Labs.Explaining;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Linux.Files;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>The lab panel, the Explain panel and their keys, headless over a supervisor on a substituted OS.</summary>
[Collection(GlobalUiState.Name)]
public sealed class LabViewTests : IDisposable
{
    private readonly EventBuilder _e = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("tuiproc-labview-").FullName;

    private static Lab TwoSteps { get; } = LabReader.Parse(Encoding.UTF8.GetBytes("""
        { "format": "tuiproc-lab/1", "id": "t", "name": "test", "title": "Two steps", "summary": "s", "steps": [
          { "id": "start", "title": "Start a square worker", "text": "Press s.", "hints": ["The s key."], "check": { "spawned": { "kind": "square" } }, "done": "It runs." },
          { "id": "ask", "title": "What is 2 + 2?", "text": "Think.", "question": { "choices": ["3", "4"], "answer": "4" } }
        ] }
        """), "t.json");

    private LabOptions Options(List<LabRecord>? records = null) => new()
    {
        Lab = TwoSteps,
        Store = new ProgressStore(RegularFileReader.Instance, Path.Combine(_dir, "state")),
        ProgressKey = "t",
        ReportDirectory = _dir,
        Files = OutputFileOpener.Instance,
        Record = records is null ? null : records.Add,
        User = "alice",
        Machine = "pc",
    };

    [Fact]
    public void OpenLab_ThePanelShowsTheCurrentStepAndTheChecklist_BesideTheOtherPanels()
    {
        using Screen s = new(100, 30);
        s.Main.OpenLab(Options());
        s.App.LayoutAndDraw();

        Assert.True(s.Main.ShowingLab);
        Assert.Contains("Lab t · 0 of 2", s.Text, StringComparison.Ordinal);
        Assert.Contains("Step 1 of 2: Start a square worker", s.Text, StringComparison.Ordinal);
        Assert.Contains("Processes", s.Text, StringComparison.Ordinal);
        Assert.Contains(" h hint a answer L lab e explain", s.Lines[29], StringComparison.Ordinal);
        Assert.All(s.Lines, line => Assert.True(line.Length <= 100));
    }

    [Fact]
    public void AStepIsTickedFromTheEvents_SavedAtOnce_AndSaidInTheHeader()
    {
        using Screen s = new(100, 30);
        LabOptions options = Options();
        s.Main.OpenLab(options);
        s.Feed(_e.Spawned(1, WorkerSpec.Cube("3"))); // a cube: not what the step asks
        Assert.Contains("Lab t · 0 of 2", s.Text, StringComparison.Ordinal);

        s.Feed(_e.Spawned(2));

        Assert.Contains("Lab t · 1 of 2", s.Text, StringComparison.Ordinal);
        Assert.Contains("lab: step 1 of 2 done", s.Main.HeaderMessage, StringComparison.Ordinal);
        Assert.Contains("✓ Step 1 done: It runs.", s.Text, StringComparison.Ordinal);
        Assert.Contains("1) 3", s.Text, StringComparison.Ordinal); // the question's choices
        Assert.NotNull(options.Store.Load("t", out _)!.Steps["start"].DoneAt);
    }

    [Fact]
    public void H_ShowsTheNextHint_CountsIt_AndRecordsItForTheEventsFile()
    {
        using Screen s = new(100, 30);
        List<LabRecord> records = [];
        s.Main.OpenLab(Options(records));

        s.Press(new Key('h'));

        Assert.Contains("Hint 1 of 1: The s key.", s.Text, StringComparison.Ordinal);
        Assert.Equal(1, s.Main.Lab!.HintsUsed);
        Assert.Equal((LabRecordKind.Hint, "start"), (Assert.Single(records).Kind, records[0].Step));
        s.Press(new Key('h'));
        Assert.Contains("no more hints", s.Main.HeaderMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void L_HidesAndShowsThePanel_TheOtherPanelsTakeTheWidth()
    {
        using Screen s = new(100, 30);
        s.Main.OpenLab(Options());
        s.App.LayoutAndDraw();
        int withLab = s.Find("┐").Col;

        s.Press(new Key('L'));

        Assert.False(s.Main.ShowingLab);
        Assert.True(s.Find("┐").Col > withLab); // Processes reaches the right edge again
        s.Press(new Key('L'));
        Assert.True(s.Main.ShowingLab);
    }

    [Fact]
    public void LabKeys_WithoutALab_SayHowToOpenOne()
    {
        using Screen s = new(100, 30);
        foreach (char key in "hLaE")
        {
            s.Press(new Key(key));
            s.App.TimedEvents!.RunTimers(); // a opens its dialog on the next turn of the loop
            s.App.LayoutAndDraw();
            Assert.Contains("no lab is open: tuiproc lab lists the labs", s.Main.HeaderMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void E_SavesTheReport_ForTheUserOnly()
    {
        using Screen s = new(100, 30);
        s.Main.OpenLab(Options());
        s.Feed(_e.Spawned(1));

        s.Press(new Key('E'));

        string report = Path.Combine(_dir, "tuiproc-lab-t-report.md");
        Assert.Contains("report saved: " + report, s.Main.HeaderMessage, StringComparison.Ordinal);
        Assert.Contains("| steps done | 1 of 2 |", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(report));
    }

    [Fact]
    public void Explain_ShowsEachActionInTheLessonsTerms_NewestFirst()
    {
        using Screen s = new(120, 40);
        s.Main.UseExplainTexts(ExplainTexts.Load(BuiltIn.Files, BuiltIn.ExplainTexts), null);
        s.Press(new Key('e'));
        Assert.True(s.Main.ShowingExplain);
        Assert.Contains("Spawn a worker (s) to start", s.Text, StringComparison.Ordinal);

        s.Feed(_e.Spawned(1, pid: 4242), new SignalSent(100, EventBuilder.T0, new WorkerId(1), ProcessSignal.Stop, "pause"));

        string text = s.Text;
        int pause = s.Find("you paused 1 square 10").Row;
        int spawn = s.Find("1 square 10 started, pid 4242").Row;
        Assert.True(pause < spawn, "newest first");
        Assert.Contains("Python: multiprocessing has no", text, StringComparison.Ordinal); // the newest entry has its full text
        Assert.Contains("Trap: A stopped process cannot", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WithoutItsTexts_SaysWhy()
    {
        using Screen s = new(100, 30);
        s.Main.UseExplainTexts(null, "Explain texts: /x/explain.json: does not exist");

        s.Press(new Key('e'));

        Assert.False(s.Main.ShowingExplain);
        Assert.Contains("Explain texts: /x/explain.json: does not exist", s.Main.HeaderMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void NineAndF9_KillTheSelectedWorker()
    {
        using Screen s = new(100, 30);
        s.FeedFromSupervisor();
        s.Spawn(WorkerSpec.Square("10"));

        s.Press(new Key('9'));
        s.Press(Key.F9);

        Assert.Equal([new WorkerId(1), new WorkerId(1)], s.Harness.Requested(ProcessSignal.Kill));
        Assert.Contains("killed 1 (SIGKILL)", s.Main.HeaderMessage, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
