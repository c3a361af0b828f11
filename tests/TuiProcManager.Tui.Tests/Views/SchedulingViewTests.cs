using Terminal.Gui.Configuration;
using Terminal.Gui.Input;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>Pause-on-wait in the main window: the mode in the header, queued workers, the keys, the run summary.</summary>
[Collection(GlobalUiState.Name)]
public sealed class SchedulingViewTests
{
    /// <summary>Longer than the supervisor's state poll (50 ms): what the OS says is read by then.</summary>
    private static readonly TimeSpan StatePoll = TimeSpan.FromMilliseconds(60);

    private readonly EventBuilder _e = new();

    /// <summary>Three workers, one slot: 1 holds it, 2 and 3 are queued (stopped by the scheduler).</summary>
    private void OneSlotThreeWorkers(Screen s) => s.Feed(
        _e.Spawned(1), _e.Scheduled(1, SlotChange.Granted, 1, 0, "spawned: got the slot"),
        _e.Spawned(2, WorkerSpec.Cube("3")), _e.Scheduled(2, SlotChange.Queued, 1, 1),
        _e.Spawned(3, WorkerSpec.Square("4")), _e.Scheduled(3, SlotChange.Queued, 1, 2),
        _e.State(1, WorkerState.Starting, WorkerState.Running),
        _e.State(2, WorkerState.Starting, WorkerState.Paused, "spawned: the slot was taken, queued for a slot (first in line): stopped by tuiproc's SIGSTOP (T)"),
        _e.State(3, WorkerState.Starting, WorkerState.Paused, "spawned: the slot was taken, queued for a slot (2 in line): stopped by tuiproc's SIGSTOP (T)"),
        _e.Mode(SchedulingMode.PauseOnWait, 1));

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    public void Header_ShowsTheModeWithItsSlotsAndQueue_WholeEvenAt80Columns(int width)
    {
        using Screen s = new(width, 24);
        Assert.Contains("mode: parallel", s.Lines[0], StringComparison.Ordinal);

        OneSlotThreeWorkers(s);

        Assert.Contains("│ 3 workers │ mode: pause-on-wait, 1 slot · 1 running · 2 queued", s.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Header_WithRoom_CountsQueuedApartFromPaused()
    {
        using Screen s = new(140, 30);
        OneSlotThreeWorkers(s);

        Assert.Contains("3 workers: 1 running 0 waiting 2 queued 0 done │ mode: pause-on-wait, 1 slot · 1 running · 2 queued", s.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Table_QueuedAndPaused_DifferInWordAndColour()
    {
        using Screen s = new(100, 30);
        OneSlotThreeWorkers(s);
        s.Feed(_e.Spawned(4, WorkerSpec.Cube("5")), _e.State(4, WorkerState.Starting, WorkerState.Paused)); // the user's p

        (int row, int col) queued = s.FindOnRow("cube 3", "queued");
        (int row, int col) paused = s.FindOnRow("cube 5", "paused");
        Assert.Equal(SchemeManager.GetScheme(Roles.Queued).Normal.Foreground, s.AttributeAt(queued.row, queued.col)!.Value.Foreground);
        Assert.Equal(SchemeManager.GetScheme(Roles.Paused).Normal.Foreground, s.AttributeAt(paused.row, paused.col)!.Value.Foreground);
        Assert.NotEqual(SchemeManager.GetScheme(Roles.Queued).Normal.Foreground, SchemeManager.GetScheme(Roles.Paused).Normal.Foreground);
    }

    [Fact]
    public void Timeline_QueuedCellsHaveTheirGlyph_InTheLegendToo_AndTheTransitionSaysWhy()
    {
        using Screen s = new(120, 30);
        s.Now = EventBuilder.T0.AddSeconds(2);
        OneSlotThreeWorkers(s);

        Assert.Matches("2 cube 3 *│ *░+", s.Text);
        Assert.Matches("1 square 10 *│ *█+", s.Text);
        Assert.Contains("‖ paused  ░ queued", s.Text, StringComparison.Ordinal);
        Assert.Contains("3 square 4 starting → queued  spawned: the slot was taken", s.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80, "s/c spawn x cmd m pool p pause j/J join k/K stop w mode r view ? help q quit")]
    [InlineData(90, "w mode +/- slots r view ? help q quit")]
    [InlineData(100, "w mode +/- slots r view S summary ? help q quit")]
    [InlineData(120, "w mode +/- slots r view S summary o merge / find t theme ? help q quit")]
    public void Hints_TheSchedulingKeys_AsManyKeysAsFit(int width, string expected)
    {
        using Screen s = new(width, 24);
        string hints = s.Lines.Last(l => l.Contains("q quit", StringComparison.Ordinal));

        Assert.EndsWith(expected, hints.TrimEnd(), StringComparison.Ordinal);
        Assert.True(hints.TrimEnd().Length <= width);
    }

    [Fact]
    public void Glyphs_Queued_HasAnAsciiFallbackForTheLinuxConsole()
    {
        Assert.Equal('░', StateGlyphs.Unicode.Cell(WorkerState.Paused, queued: true));
        Assert.Equal('=', StateGlyphs.ForTerminal("linux").Cell(WorkerState.Paused, queued: true));
        Assert.Equal('|', StateGlyphs.ForTerminal("linux").Cell(WorkerState.Paused));
        Assert.Equal("queued", StateGlyphs.Word(WorkerState.Paused, null, queued: true));
    }

    [Fact]
    public void P_OnAQueuedWorker_PausesIt()
    {
        // Bug pinned: a queued worker is stopped (paused to the OS), and p took that for the user's pause and
        // resumed it, which the scheduler ignores: nothing happened, and the header said "resumed".
        using Screen s = new();
        s.FeedFromSupervisor();
        s.Supervisor.ChangeScheduling(SchedulingChange.To(SchedulingMode.PauseOnWait, 1));
        s.Spawn(WorkerSpec.Square("10"), WorkerSpec.Cube("3"), WorkerSpec.Square("4")); // 2 and 3 queued at once
        s.Harness.Os.Set(100, OsProcessState.Running);
        s.Harness.Os.Set(101, OsProcessState.Stopped); // by the scheduler's SIGSTOP
        s.Harness.Os.Set(102, OsProcessState.Stopped);
        s.Advance(StatePoll); // the OS says they are stopped
        s.FindOnRow("cube 3", "queued");
        s.Press(Key.CursorDown); // 2 cube 3, queued

        s.Press(new Key('p'));

        Assert.Equal([new WorkerId(2)], s.Harness.Requested(ProcessSignal.Stop));
        Assert.Empty(s.Harness.Requested(ProcessSignal.Continue)); // no SIGCONT: it was not taken for paused
        Assert.Equal("paused 2 (SIGSTOP)", s.Main.HeaderMessage);
    }

    [Theory]
    [InlineData(SchedulingMode.Parallel, SchedulingMode.PauseOnWait)]
    [InlineData(SchedulingMode.PauseOnWait, SchedulingMode.Parallel)]
    public void W_SwitchesTheMode_KeepingTheSlots(SchedulingMode from, SchedulingMode to)
    {
        using Screen s = new();
        s.Supervisor.ChangeScheduling(SchedulingChange.To(from, 3));

        s.Press(new Key('w'));

        SchedulingChanged now = s.Harness.Of<SchedulingChanged>().Last();
        Assert.Equal((to, 3), (now.Mode, now.Slots));
        Assert.Contains(to == SchedulingMode.Parallel ? "parallel: every worker runs at once" : "pause-on-wait, 3 slots: when a worker waits", s.Main.HeaderMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('+', 2, 3)]
    [InlineData('=', 2, 3)]
    [InlineData('-', 2, 1)]
    public void PlusAndMinus_ChangeTheSlotsByOne(char key, int slots, int expected)
    {
        using Screen s = new();
        s.Supervisor.ChangeScheduling(SchedulingChange.To(SchedulingMode.PauseOnWait, slots));

        s.Press(new Key(key));

        SchedulingChanged now = s.Harness.Of<SchedulingChanged>().Last();
        Assert.Equal((SchedulingMode.PauseOnWait, expected), (now.Mode, now.Slots));
        Assert.Contains($"{expected} slot", s.Main.HeaderMessage, StringComparison.Ordinal);
        Assert.Contains($"at most {expected} worker", s.Main.HeaderMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('-', 1, "already 1 slot: the fewest")]
    [InlineData('+', 1024, "already 1024 slots: the most")]
    public void PlusAndMinus_AtTheLimits_SaySoAndChangeNothing(char key, int slots, string message)
    {
        using Screen s = new();
        s.Supervisor.ChangeScheduling(SchedulingChange.To(SchedulingMode.PauseOnWait, slots));
        int changes = s.Harness.Of<SchedulingChanged>().Count();

        s.Press(new Key(key));

        Assert.Equal(changes, s.Harness.Of<SchedulingChanged>().Count()); // no change published: nothing changed
        Assert.Equal(message, s.Main.HeaderMessage);
    }

    [Fact]
    public void Plus_InParallelMode_SetsTheSlotsForTheNextSwitch_AndSaysSo()
    {
        using Screen s = new(); // a new supervisor: parallel, 1 slot

        s.Press(new Key('+'));

        SchedulingChanged now = Assert.Single(s.Harness.Of<SchedulingChanged>());
        Assert.Equal((SchedulingMode.Parallel, 2), (now.Mode, now.Slots));
        Assert.Equal("2 slots for pause-on-wait (w switches to it); parallel mode has no slots", s.Main.HeaderMessage);
    }

    [Fact]
    public void W_WhileShuttingDown_SaysSo()
    {
        using Screen s = new();
        s.Supervisor.Dispose(); // what the composition root does on the way out

        s.Press(new Key('w'));

        Assert.Empty(s.Harness.Of<SchedulingChanged>());
        Assert.Equal("shutting down: the mode stays", s.Main.HeaderMessage);
    }

    [Fact]
    public void Summary_APauseOnWaitRunEnds_ShowsInTheOutputsPlace_WithoutAKey_SGivesTheOutputBack()
    {
        using Screen s = new(100, 30);
        _e.Now = EventBuilder.T0;
        OneSlotThreeWorkers(s);
        _e.Now = EventBuilder.T0.AddSeconds(3);
        s.Feed(
            _e.State(1, WorkerState.Running, WorkerState.Ended), _e.Ended(1),
            _e.State(2, WorkerState.Paused, WorkerState.Ended), _e.Ended(2));
        Assert.False(s.Main.ShowingSummary); // one worker still alive
        Assert.Contains("Output · 1 square 10", s.Text, StringComparison.Ordinal);

        s.Feed(_e.State(3, WorkerState.Paused, WorkerState.Ended), _e.Ended(3));

        Assert.True(s.Main.ShowingSummary);
        Assert.Contains("Run summary · S: output", s.Text, StringComparison.Ordinal);
        Assert.Contains("Summary: makespan 3.00 s (pause-on-wait, 1 slot, 3 workers)", s.Text, StringComparison.Ordinal);
        Assert.Contains("run ended: makespan 3.00 s · S: summary", s.Main.HeaderMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("┤Output", s.Text, StringComparison.Ordinal);

        s.Press(new Key('S'));
        Assert.False(s.Main.ShowingSummary);
        Assert.Contains("┤Output · 1 square 10", s.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Run summary", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_AParallelRun_OnlyOnS_SoTheLastLinesStayInView_AndANewRunPutsTheOutputBack()
    {
        using Screen s = new(100, 30);
        s.Feed(_e.Spawned(1), _e.State(1, WorkerState.Starting, WorkerState.Running), _e.Line(1, "Square: 100"));
        _e.Now = EventBuilder.T0.AddSeconds(1);
        s.Feed(_e.State(1, WorkerState.Running, WorkerState.Ended), _e.Ended(1));

        Assert.False(s.Main.ShowingSummary);
        Assert.Contains("Square: 100", s.Text, StringComparison.Ordinal);
        Assert.Contains("run ended: makespan 1.00 s · S: summary", s.Main.HeaderMessage, StringComparison.Ordinal);

        s.Press(new Key('S'));
        Assert.Contains("Summary: makespan 1.00 s (parallel, 1 worker)", s.Text, StringComparison.Ordinal);

        s.Feed(_e.Spawned(2));
        Assert.False(s.Main.ShowingSummary);
        Assert.Contains("┤Output", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_S_BeforeAnyRun_SaysThereIsNone_DuringOne_ShowsItSoFar()
    {
        using Screen s = new(100, 30);
        s.Press(new Key('S'));
        Assert.False(s.Main.ShowingSummary);
        Assert.Equal("no run yet: the summary comes when workers have run", s.Main.HeaderMessage);

        s.Feed(_e.Spawned(1), _e.State(1, WorkerState.Starting, WorkerState.Running));
        s.Press(new Key('S'));
        Assert.Contains("Run summary so far · S: output", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_TooLongForThePanel_SaysHowManyLinesMore_AndScrolls()
    {
        using Screen s = new(80, 24); // the panel shows 4 lines: the header takes two for "run ended: …"
        OneSlotThreeWorkers(s);
        s.Feed(
            _e.State(1, WorkerState.Running, WorkerState.Ended), _e.State(2, WorkerState.Paused, WorkerState.Ended),
            _e.State(3, WorkerState.Paused, WorkerState.Ended));
        Assert.Contains("… 4 more lines: Tab here, then ↓", s.Text, StringComparison.Ordinal);

        s.Press(Key.Tab);
        s.Press(Key.End);

        Assert.Contains("one after another ≈", s.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("more line", s.Text, StringComparison.Ordinal);
    }
}
