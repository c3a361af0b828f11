using System.Globalization;
using Terminal.Gui.Input;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Files;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>The output panel's filter (f), timestamps (F) and split (b, B), drawn headless.</summary>
[Collection(GlobalUiState.Name)] // Terminal.Gui's themes, and XDG_CONFIG_HOME (b and B save the split)
public sealed class OutputViewsTests : IDisposable
{
    private readonly EventBuilder _e = new();
    private readonly string _config = Directory.CreateTempSubdirectory("tuiproc-config-").FullName;
    private readonly string? _saved = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");

    public OutputViewsTests() => Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", _config);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", _saved);
        Directory.Delete(_config, recursive: true);
    }

    private void TwoWorkers(Screen s) => s.Feed(_e.Spawned(1), _e.Spawned(2, WorkerSpec.Cube("3")));

    /// <summary>Worker 1 and 2 into the split: b on the first (selected), then on the second.</summary>
    private static void SplitBoth(Screen s)
    {
        s.Press(new Key('b'));
        s.Press(Key.CursorDown);
        s.Press(new Key('b'));
    }

    [Fact]
    public void F_CyclesStdoutOnly_StderrOnly_Both_AndTheTitleSaysWhich()
    {
        using Screen s = new(100, 30);
        s.Feed(_e.Spawned(1), _e.Line(1, "to stdout"), _e.Line(1, "to stderr", OutputChannel.Stderr));

        s.Press(new Key('f'));
        Assert.Contains("Output · 1 square 10 · 1 line · stdout only", s.Text, StringComparison.Ordinal);
        Assert.Contains("to stdout", s.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("to stderr", s.Text, StringComparison.Ordinal);

        s.Press(new Key('f'));
        Assert.Contains("stderr only", s.Text, StringComparison.Ordinal);
        Assert.Contains("! to stderr", s.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("to stdout", s.Text, StringComparison.Ordinal);

        s.Press(new Key('f'));
        Assert.Contains("Output · 1 square 10 · 2 lines", s.Text, StringComparison.Ordinal);
        Assert.Contains("to stdout", s.Text, StringComparison.Ordinal);
        Assert.Contains("to stderr", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_FollowsNewLines_OfItsStreamOnly()
    {
        using Screen s = new(100, 30);
        s.Feed(_e.Spawned(1));
        s.Press(new Key('f'));
        s.Press(new Key('f')); // stderr only
        s.Feed([.. Enumerable.Range(1, 300).Select(i => _e.Line(1, $"line {i}", i % 2 == 0 ? OutputChannel.Stderr : OutputChannel.Stdout))]);

        Assert.Contains("! line 300", s.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("line 299", s.Text, StringComparison.Ordinal);
        Assert.Contains("150 lines · stderr only", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ShiftF_ShowsEachLinesTime_InLocalTime_WithMilliseconds()
    {
        using Screen s = new(100, 30);
        _e.Now = EventBuilder.T0.AddMilliseconds(512);
        s.Feed(_e.Spawned(1), _e.Line(1, "Square: 100"));
        string local = EventBuilder.T0.AddMilliseconds(512).ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

        s.Press(new Key('F'));

        Assert.Contains($"{local}   Square: 100", s.Text, StringComparison.Ordinal);
        Assert.Contains("1 line · timestamps", s.Text, StringComparison.Ordinal);
        s.Press(new Key('F'));
        Assert.DoesNotContain(local, s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_FindsOnlyWhatIsShown()
    {
        using Screen s = new(100, 30); // Terminal.Gui's application, for the panel's views
        OutputModel model = new();
        model.Apply(_e.Line(1, "needle on stdout"), out _);
        model.Apply(_e.Line(1, "hay", OutputChannel.Stderr), out _);
        using Tui.Views.OutputPanel panel = new(model, id => "square", StateGlyphs.Unicode);
        panel.ShowWorker(new WorkerId(1));

        panel.Filter = OutputFilter.Stderr;
        Assert.Contains("not found", panel.Search("needle", forward: true), StringComparison.Ordinal);

        panel.Filter = OutputFilter.Both;
        Assert.Contains("match 1 of 1", panel.Search("needle", forward: true), StringComparison.Ordinal);

        panel.Timestamps = true; // the time is part of what is shown
        string time = EventBuilder.T0.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.Contains("match 1 of 2", panel.Search(time, forward: true), StringComparison.Ordinal);
    }

    [Fact]
    public void B_TwoWorkers_ShowSideBySide_EachPaneTitledAndFollowingItsOwnWorker()
    {
        using Screen s = new(100, 30);
        TwoWorkers(s);
        s.Feed(_e.Line(1, "Square: 100"), _e.Line(2, "Cube: 27"));

        s.Press(new Key('b'));
        Assert.False(s.Main.ShowingSplit); // one worker is no split
        s.Press(Key.CursorDown);
        s.Press(new Key('b'));

        Assert.True(s.Main.ShowingSplit);
        (int row, int left) = s.Find("┤1 square 10 · 1 line├");
        int right = s.Lines[row].IndexOf("┤2 cube 3 · 1 line├", StringComparison.Ordinal);
        Assert.True(right > left, s.Text);
        int lineRow = s.Find("Square: 100").Row;
        Assert.Equal(lineRow, s.Find("Cube: 27").Row); // side by side
        Assert.True(s.Lines[lineRow].IndexOf("Cube: 27", StringComparison.Ordinal) > s.Lines[lineRow].IndexOf("Square: 100", StringComparison.Ordinal));

        s.Feed([.. Enumerable.Range(1, 200).SelectMany(i => new[] { _e.Line(1, $"square line {i}"), _e.Line(2, $"cube line {i * 10}") })]);
        Assert.Contains("square line 200", s.Text, StringComparison.Ordinal);
        Assert.Contains("cube line 2000", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void APaneScrolledUp_StaysPut_WhileTheOtherFollows()
    {
        using Screen s = new(100, 30);
        TwoWorkers(s);
        s.Feed([.. Enumerable.Range(1, 50).SelectMany(i => new[] { _e.Line(1, $"sq {i}"), _e.Line(2, $"cu {i}") })]);
        SplitBoth(s);
        s.Press(Key.Tab); // from the table to the first pane
        Assert.True(s.Main.Split.Panes[0].HasFocus, s.Text);
        s.Press(Key.PageUp);
        Assert.DoesNotContain("sq 50", s.Text, StringComparison.Ordinal);

        s.Feed([.. Enumerable.Range(51, 20).SelectMany(i => new[] { _e.Line(1, $"sq {i}"), _e.Line(2, $"cu {i}") })]);

        Assert.DoesNotContain("sq 70", s.Text, StringComparison.Ordinal); // stayed where it was scrolled
        Assert.Contains("cu 70", s.Text, StringComparison.Ordinal); // followed
        s.Press(Key.Tab);
        Assert.True(s.Main.Split.Panes[1].HasFocus, s.Text); // the keyboard goes to each pane in turn
    }

    [Fact]
    public void ShiftB_Stacks_AndFAndShiftF_ApplyToEveryPane()
    {
        using Screen s = new(100, 40);
        TwoWorkers(s);
        s.Feed(_e.Line(1, "Square: 100"), _e.Line(2, "Cube: 27", OutputChannel.Stderr));
        SplitBoth(s);

        s.Press(new Key('B'));
        Assert.Equal(SplitLayout.Stacked, s.Main.Split.Arranged);
        Assert.True(s.Find("Cube: 27").Row > s.Find("Square: 100").Row, s.Text);

        s.Press(new Key('f')); // stdout only
        s.Press(new Key('F'));
        Assert.Contains("┤1 square 10 · 1 line · stdout only · timestamps├", s.Text, StringComparison.Ordinal);
        Assert.Contains("┤2 cube 3 · 0 lines · stdout only · timestamps├", s.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cube: 27", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AtTheSmallestScreen_StackedAsked_IsShownSideBySide()
    {
        using Screen s = new(60, 16);
        TwoWorkers(s);
        s.Feed(_e.Line(1, "Square: 100"), _e.Line(2, "Cube: 27"));
        SplitBoth(s);
        s.Press(new Key('B'));

        Assert.Equal(4, s.Main.Split.Frame.Height); // the place's height at 60×16 with a header message (SplitArrangement's remark)
        Assert.Equal(SplitLayout.Beside, s.Main.Split.Arranged);
        Assert.Equal(s.Find("Square: 100").Row, s.Find("Cube: 27").Row);
        Assert.Contains("when there is room", s.Main.HeaderMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void O_CyclesSelected_Merged_Split()
    {
        using Screen s = new(100, 30);
        TwoWorkers(s);
        SplitBoth(s);
        Assert.True(s.Main.ShowingSplit);

        s.Press(new Key('o'));
        Assert.False(s.Main.ShowingSplit);
        Assert.Contains("Output · 2 cube 3", s.Text, StringComparison.Ordinal);
        s.Press(new Key('o'));
        Assert.Contains("Output · all workers, merged", s.Text, StringComparison.Ordinal);
        s.Press(new Key('o'));
        Assert.True(s.Main.ShowingSplit);
        Assert.Contains("┤1 square 10", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSplit_IsSaved_AndRestoredInTheSameSessionOnly()
    {
        using (Screen s = new(100, 30))
        {
            s.Main.SessionName = "lab-a";
            TwoWorkers(s);
            SplitBoth(s);
            s.Press(new Key('B'));
        }

        UserSettings saved = UserSettings.Load(RegularFileReader.Instance, out string? problem);
        Assert.Null(problem);
        Assert.Equal(("stacked", "lab-a", "1,2"), (saved.OutputSplit!.Layout, saved.OutputSplit.Session, string.Join(",", saved.OutputSplit.Workers!)));

        using (Screen again = new(100, 30))
        {
            again.Main.SessionName = "lab-a";
            again.Main.RestoreOutputSplit(saved);
            TwoWorkers(again);
            Assert.True(again.Main.ShowingSplit);
            Assert.Equal(SplitLayout.Stacked, again.Main.Split.Arranged);
        }

        using Screen other = new(100, 30);
        other.Main.SessionName = "lab-b";
        other.Main.RestoreOutputSplit(saved);
        TwoWorkers(other);
        Assert.False(other.Main.ShowingSplit);
    }

    [Fact]
    public void T_KeepsTheSavedSplit()
    {
        using Screen s = new(100, 30);
        TwoWorkers(s);
        SplitBoth(s);

        s.Press(new Key('t'));

        Assert.Equal([1, 2], UserSettings.Load(RegularFileReader.Instance, out _).OutputSplit!.Workers!);
    }
}
