using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Views;

[Collection(GlobalUiState.Name)]
public sealed class MainWindowTests
{
    private readonly EventBuilder _e = new();

    private void TwoWorkers(Screen s) => s.Feed(
        _e.Spawned(1), _e.Spawned(2, WorkerSpec.Cube("3")),
        _e.State(1, WorkerState.Starting, WorkerState.Running), _e.State(2, WorkerState.Starting, WorkerState.Waiting),
        _e.Sample(1, 97.5), _e.Machine(100, 3));

    [Fact]
    public void At80x24_EveryPanelAndTheWorkersAreShown()
    {
        using Screen s = new(80, 24);
        TwoWorkers(s);

        string text = s.Text;
        foreach (string expected in new[] { "Processes", "States", "CPU", "Output", "square 10", "cube 3", "97.5", "2 workers", "mode: parallel", "s/c spawn", "q quit" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.All(s.Lines, line => Assert.True(line.Length <= 80, line));
    }

    [Fact]
    public void States_AreWords_AndColouredByTheirRole()
    {
        using Screen s = new(100, 30);
        TwoWorkers(s);
        s.Feed(
            _e.Spawned(3), _e.State(3, WorkerState.Starting, WorkerState.Paused), _e.Spawned(4), _e.Ended(4, WorkerExit.Signaled(9, "SIGKILL")),
            _e.Spawned(5, WorkerSpec.Cube("5")), _e.State(5, WorkerState.Starting, WorkerState.Running));

        (int row, int col) selected = s.FindOnRow("square 10", "running"); // worker 1: the selected row
        (int row, int col) running = s.FindOnRow("cube 5", "running");
        (int row, int col) paused = s.FindOnRow("│3 ", "paused");
        (int row, int col) killed = s.FindOnRow("│4 ", "killed");
        Assert.Contains("SIGKILL (-9)", s.Text, StringComparison.Ordinal);
        Assert.Equal(SchemeManager.GetScheme("Running").Normal.Foreground, s.AttributeAt(running.row, running.col)!.Value.Foreground);
        Assert.Equal(SchemeManager.GetScheme("Paused").Normal.Foreground, s.AttributeAt(paused.row, paused.col)!.Value.Foreground);
        Assert.Equal(SchemeManager.GetScheme("Failed").Normal.Foreground, s.AttributeAt(killed.row, killed.col)!.Value.Foreground);
        Assert.Equal(SchemeManager.GetScheme("Running").Focus, s.AttributeAt(selected.row, selected.col)!.Value); // keeps its colour on the selection bar
    }

    [Fact]
    public void Descendants_ShowBeneathTheirWorker_AsATree()
    {
        using Screen s = new(100, 30);
        s.Feed(_e.Spawned(1, WorkerSpec.Command(["python3", "lesson.py"])), _e.Sample(1, 0, 1, EventBuilder.Child(2001, 1001, 99.0), EventBuilder.Child(2002, 1001, 98.0)));

        (int parent, _) = s.Find("python3 lesson.py");
        Assert.Contains("├─python3", s.Lines[parent + 1], StringComparison.Ordinal);
        Assert.Contains("2001", s.Lines[parent + 1], StringComparison.Ordinal);
        Assert.Contains("└─python3", s.Lines[parent + 2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('p')]
    [InlineData('k')]
    [InlineData('j')]
    [InlineData('J')]
    [InlineData('K')]
    public void Keys_ActOnTheSelectedWorkerThroughTheSupervisor(char key)
    {
        using Screen s = new(100, 30); // room in the header for the join status
        s.FeedFromSupervisor();
        s.Spawn(WorkerSpec.Square("10"), WorkerSpec.Cube("3")); // the first is selected
        WorkerId first = new(1), second = new(2);

        s.Press(new Key(key));

        switch (key)
        {
            case 'p':
                Assert.Equal([first], s.Harness.Requested(ProcessSignal.Stop));
                Assert.Equal("paused 1 (SIGSTOP)", s.Main.HeaderMessage);
                break;
            case 'k':
                Assert.Equal([first], s.Harness.Requested(ProcessSignal.Terminate));
                break;
            case 'j':
                Assert.Equal([first], s.Harness.Of<JoinStarted>().Select(j => j.Worker));
                Assert.Equal("joining 1…", s.Main.HeaderMessage);
                break;
            case 'J':
                Assert.Equal([first, second], s.Harness.Of<JoinStarted>().Select(j => j.Worker));
                Assert.Contains("joining 2…", s.Lines[0], StringComparison.Ordinal);
                break;
            default:
                Assert.Equal([first, second], s.Harness.Requested(ProcessSignal.Terminate));
                Assert.Equal("terminating 2 workers", s.Main.HeaderMessage);
                break;
        }
    }

    [Fact]
    public void Pause_OnAPausedWorker_Resumes()
    {
        // Bug pinned: p chose pause or resume from the table, which shows a pause only after the next state
        // poll: a quick second p paused again instead of resuming. The supervisor decides now, on its own state.
        using Screen s = new();
        s.FeedFromSupervisor();
        s.Spawn(WorkerSpec.Square("10"));
        s.Press(new Key('p'));
        Assert.Equal("paused 1 (SIGSTOP)", s.Main.HeaderMessage);

        s.Press(new Key('p')); // before any state poll

        Assert.Equal([new WorkerId(1)], s.Harness.Requested(ProcessSignal.Continue));
        Assert.Single(s.Harness.Requested(ProcessSignal.Stop)); // the first p's only
        Assert.Equal("resumed 1 (SIGCONT)", s.Main.HeaderMessage);
    }

    [Fact]
    public void Selection_DrivesTheOutputPanel_AndOTogglesMerged()
    {
        using Screen s = new(100, 30);
        TwoWorkers(s);
        s.Feed(_e.Line(1, "Square: 100"), _e.Line(2, "Cube: 27"));
        Assert.Contains("Output · 1 square 10", s.Text, StringComparison.Ordinal);
        Assert.Contains("Square: 100", s.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cube: 27", s.Text, StringComparison.Ordinal);

        s.Press(Key.CursorDown);
        Assert.Contains("Output · 2 cube 3", s.Text, StringComparison.Ordinal);
        Assert.Contains("Cube: 27", s.Text, StringComparison.Ordinal);

        s.Press(new Key('o'));
        Assert.Contains("all workers, merged", s.Text, StringComparison.Ordinal);
        Assert.Contains("[1 square 10]   Square: 100", s.Text, StringComparison.Ordinal);
        Assert.Contains("[2 cube 3]   Cube: 27", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ProcessTable_EndHomePageDown_MoveTheSelection_AndScrollToKeepItInView()
    {
        using Screen s = new(80, 24); // the table shows 4 rows at this size
        s.Feed([.. Enumerable.Range(1, 12).Select(i => _e.Spawned(i, WorkerSpec.Square((100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))))]);
        Assert.Contains("Output · 1 square 101", s.Text, StringComparison.Ordinal);

        s.Press(Key.End);
        Assert.Contains("Output · 12 square 112", s.Text, StringComparison.Ordinal);
        Assert.Contains("square 112", s.Lines[..10].Last(l => l.Contains("square 1", StringComparison.Ordinal)), StringComparison.Ordinal); // scrolled to it

        s.Press(Key.Home);
        Assert.Contains("Output · 1 square 101", s.Text, StringComparison.Ordinal);

        s.Press(Key.PageDown);
        Assert.DoesNotContain("Output · 1 square 101", s.Text, StringComparison.Ordinal);
        s.Press(Key.CursorUp);
        s.Press(Key.CursorUp);
        s.Press(Key.CursorUp);
        s.Press(Key.CursorUp);
        s.Press(Key.CursorUp);
        Assert.Contains("Output · 1 square 101", s.Text, StringComparison.Ordinal); // and stops at the top
    }

    [Fact]
    public void Output_FollowsTheTail_MarksStderr_CountsDrops()
    {
        using Screen s = new(80, 24);
        s.Feed(_e.Spawned(1));
        s.Feed([.. Enumerable.Range(1, 500).Select(i => _e.Line(1, $"line {i}"))]);
        s.Feed(_e.Line(1, "something broke", OutputChannel.Stderr), _e.Dropped(1, 42));

        Assert.Contains("line 500", s.Text, StringComparison.Ordinal);
        Assert.Contains("! something broke", s.Text, StringComparison.Ordinal);
        Assert.Contains("501 lines · 42 dropped", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_EscapeSequencesFromAWorker_AreShownNotObeyed()
    {
        using Screen s = new(100, 30);
        s.Feed(_e.Spawned(1), _e.Line(1, "\u001b]0;pwned\u0007\u001b[2Jstill here\u001b]52;c;aGk=\u0007"));

        string text = s.Text;
        Assert.Contains("^[]0;pwned^G^[[2Jstill here^[]52;c;aGk=^G", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
    }

    [Fact]
    public void TooSmall_SaysSoInsteadOfDrawingPanels()
    {
        using Screen s = new(80, 24);
        TwoWorkers(s);

        s.Resize(50, 12);

        Assert.Contains("The terminal is 50×12.", s.Text, StringComparison.Ordinal);
        Assert.Contains("tuiproc needs at least 60×16:", s.Text, StringComparison.Ordinal);
        Assert.Contains("enlarge it, or press q to quit.", s.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Processes", s.Text, StringComparison.Ordinal);

        s.Resize(80, 24);
        Assert.Contains("Processes", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Resize_Larger_PanelsGrow()
    {
        using Screen s = new(80, 24);
        TwoWorkers(s);
        int before = s.Find("┤Output").Row;

        s.Resize(160, 50);

        Assert.True(s.Find("┤Output").Row > before);
        Assert.All(s.Lines, line => Assert.True(line.TrimEnd().Length <= 160));
    }

    [Fact]
    public void Timeline_ShowsLanesAndTheLatestTransition()
    {
        using Screen s = new(100, 30);
        s.Now = EventBuilder.T0.AddSeconds(2);
        s.Feed(_e.Spawned(1), _e.State(1, WorkerState.Starting, WorkerState.Running, "on a CPU or runnable (R)"));

        Assert.Contains("1 square 10 starting → running  on a CPU", s.Text, StringComparison.Ordinal);
        Assert.Contains("█ running  ─ waiting  ‖ paused", s.Text, StringComparison.Ordinal);
        Assert.Matches("1 square 10 *│ *█+", s.Text);
    }

    [Fact]
    public void ABatchAppliedBeforeTheWindowRuns_IsInItsFirstFrame()
    {
        // Pins: the UI applies the screen's first batch (an attach's history) before its loop runs, so that
        // the first frame shows it; a window that held it back until running would draw empty panels, then
        // the whole screen again a frame later (as the attach did).
        using Screen s = new(100, 30, begin: false);
        s.Main.Apply([_e.Spawned(1), _e.State(1, WorkerState.Starting, WorkerState.Running), .. Enumerable.Range(1, 50).Select(i => _e.Line(1, $"line {i}"))]);

        Terminal.Gui.App.SessionToken? session = s.App.Begin(s.Main);
        s.App.LayoutAndDraw();
        string first = s.Text;
        s.App.End(session!);

        Assert.Contains("square 10", first, StringComparison.Ordinal);
        Assert.Contains("line 50", first, StringComparison.Ordinal);
    }
}
