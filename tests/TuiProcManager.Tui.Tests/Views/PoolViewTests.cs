using System.Globalization;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views;
using TuiProcManager.Tui.Views.Dialogs;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>Pools and shared results in the main window: the m dialog, the Pool and Results panels in the Output panel's place, r.</summary>
[Collection(GlobalUiState.Name)]
public sealed class PoolViewTests
{
    private readonly EventBuilder _e = new();

    /// <summary>Field order in the dialog: kind, inputs, workers, steps, work ms, wait ms.</summary>
    private static void SetField(IApplication app, int tabs, string text)
    {
        for (int i = 0; i < tabs; i++)
        {
            app.InjectKey(Key.Tab);
        }

        app.InjectKey(Key.End);
        for (int i = 0; i < 12; i++)
        {
            app.InjectKey(Key.Backspace);
        }

        foreach (char c in text)
        {
            app.InjectKey(new Key(c));
        }
    }

    [Fact]
    public void Dialog_AfterAnError_AValidPoolStarts_AndItsPanelTakesTheOutputsPlace()
    {
        using Screen s = new(100, 30, begin: false);
        PoolDialog? dialog = null;
        new Script()
            .Then(app => app.InjectKey(new Key('m')))
            .Until(app => (dialog = app.TopRunnableView as PoolDialog) is not null)
            .Then(app =>
            {
                SetField(app, 0, "cube");
                SetField(app, 1, "1..6");
                SetField(app, 1, "0"); // workers
                app.InjectKey(Key.Enter);
            })
            .Until(_ => dialog!.ErrorText.Length > 0)
            .Then(app =>
            {
                SetField(app, 0, "2"); // the same field, still focused
                SetField(app, 1, "1"); // steps
                SetField(app, 1, "50"); // work ms
                SetField(app, 1, "0"); // wait ms
                app.InjectKey(Key.Enter);
            })
            .Until(app => app.TopRunnableView is not PoolDialog)
            .Run(s.App, s.Main);

        PoolStarted started = Assert.Single(s.Harness.Of<PoolStarted>());
        Assert.Equal(EventBuilder.Pool("cube:1..6", 2, new Workload(1, 50, 0)), started.Request);
        Assert.Equal(OutputPlace.Pool, s.Main.Showing);
        Assert.Contains("pool 1: 6 inputs, Pool(2)", s.Main.HeaderMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Dialog_Escape_StartsNothing()
    {
        using Screen s = new(100, 30, begin: false);
        new Script()
            .Then(app => app.InjectKey(new Key('m')))
            .Until(app => app.TopRunnableView is PoolDialog)
            .Then(app => app.InjectKey(Key.Esc))
            .Until(app => app.TopRunnableView is not PoolDialog)
            .Run(s.App, s.Main);

        s.Harness.AssertNothingStarted();
        Assert.Equal(OutputPlace.Output, s.Main.Showing);
    }

    private void PoolOfTwoRunning(Screen s) => s.Feed(
        _e.PoolStarted(1, "square:1..6", size: 2),
        _e.PoolWorker(1, 1, pid: 501), _e.Assigned(1, 1, 0),
        _e.PoolWorker(2, 1, pid: 502), _e.Assigned(2, 1, 1),
        _e.State(1, WorkerState.Starting, WorkerState.Running), _e.State(2, WorkerState.Starting, WorkerState.Running));

    [Fact]
    public void PoolPanel_ShownWhenAPoolStarts_CountsAndEachWorkersPidDoneAndInput()
    {
        using Screen s = new(100, 30);
        PoolOfTwoRunning(s);
        s.Feed(_e.Result(1, 1, pool: 1, index: 0), _e.Assigned(1, 1, 2));

        Assert.Equal(OutputPlace.Pool, s.Main.Showing);
        Assert.Contains("┤Pool 1 · 6 inputs · 2 workers started · r: output", s.Text, StringComparison.Ordinal);
        Assert.Contains("3 queued · 2 running · 1 done · 0 failed", s.Text, StringComparison.Ordinal);
        Assert.Contains("worker  pid        done  computing", s.Text, StringComparison.Ordinal);
        Assert.Matches(@"│1 +501 +1  square\(3\)", s.Text);
        Assert.Matches(@"│2 +502 +0  square\(2\)", s.Text);
        Assert.DoesNotContain("┤Output", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PoolPanel_AKilledWorkersInput_FailsWithItsReason_TheReplacementIsShown()
    {
        using Screen s = new(100, 30);
        PoolOfTwoRunning(s);
        s.Feed(
            _e.State(1, WorkerState.Running, WorkerState.Ended), _e.Ended(1, WorkerExit.Signaled(9, "SIGKILL")),
            _e.Result(1, 1, error: "worker 1 killed by SIGKILL while computing it", pool: 1, index: 0),
            _e.PoolWorker(3, 1, pid: 503), _e.Assigned(3, 1, 2), _e.Replaced(1, 1, replacement: 3));

        Assert.Contains("3 queued · 2 running · 0 done · 1 failed", s.Text, StringComparison.Ordinal);
        Assert.Contains("last failure: square(1) failed: worker 1 killed by SIGKILL while computing it", s.Text, StringComparison.Ordinal);
        Assert.Contains("ended (killed by SIGKILL), replaced by 3", s.Text, StringComparison.Ordinal);
        Assert.Matches(@"│3 +503 +0  square\(3\)", s.Text);
        (int row, int col) = s.Find("last failure");
        Assert.Equal(Roles.Attribute(Roles.Failed, s.Main), s.AttributeAt(row, col));
    }

    [Fact]
    public void PoolFinished_SaysSoInTheHeader()
    {
        using Screen s = new(100, 30);
        PoolOfTwoRunning(s);
        s.Feed(_e.PoolFinished(1, succeeded: 5, failed: 1));

        Assert.Contains("· finished", s.Text, StringComparison.Ordinal);
        Assert.Equal("pool 1 finished: 5 done, 1 failed · r: results", s.Main.HeaderMessage);
    }

    [Fact]
    public void R_CyclesOutputResultsPool_OGivesTheOutputBack()
    {
        using Screen s = new(100, 30);
        Assert.Contains("┤Output", s.Text, StringComparison.Ordinal);

        s.Press(new Key('r'));
        Assert.Equal(OutputPlace.Results, s.Main.Showing);
        Assert.Contains("┤Results · 0 ok · r: pool", s.Text, StringComparison.Ordinal);

        s.Press(new Key('r'));
        Assert.Equal(OutputPlace.Pool, s.Main.Showing);
        Assert.Contains("No pool yet: m starts one", s.Text, StringComparison.Ordinal);

        s.Press(new Key('r'));
        Assert.Equal(OutputPlace.Output, s.Main.Showing);
        Assert.Contains("┤Output", s.Text, StringComparison.Ordinal);

        s.Press(new Key('r'));
        s.Press(new Key('o'));
        Assert.Equal(OutputPlace.Output, s.Main.Showing);
        Assert.Contains("┤Output · no worker selected", s.Text, StringComparison.Ordinal); // back, not merged
    }

    [Fact]
    public void ResultsPanel_EveryWorkersResults_NewestAtTheBottom_FollowingThem_FailuresMarked()
    {
        using Screen s = new(100, 30);
        s.Feed(_e.Spawned(7, pid: 777), _e.Result(7, 10));
        PoolOfTwoRunning(s);
        for (int i = 0; i < 20; i++)
        {
            s.Feed(_e.Result(1 + (i % 2), i + 1, error: i == 4 ? "worker 1 killed by SIGKILL while computing it" : null, pool: 1, index: i));
        }

        s.Press(new Key('r'));
        s.Press(new Key('r')); // Pool → Output → Results

        Assert.Equal(OutputPlace.Results, s.Main.Showing);
        Assert.Contains("┤Results · 20 ok · 1 failed · r: pool", s.Text, StringComparison.Ordinal);
        Assert.Matches(@"square\(20\) = 400 +2 pool 1 worker  pid 502  \d\d:\d\d:\d\d\.\d\d\d", s.Text); // the newest, at the bottom
        Assert.DoesNotContain("square(10) = 100", s.Text, StringComparison.Ordinal); // the oldest, scrolled away

        s.Feed(_e.Result(2, 21, pool: 1, index: 20));
        Assert.Contains("square(21) = 441", s.Text, StringComparison.Ordinal); // follows the newest

        s.Press(Key.Tab);
        s.Press(Key.Home);
        Assert.Contains("  square(10) = 100        7 square 10  pid 777  12:00:00.000", s.Text, StringComparison.Ordinal);
        (int row, int col) = s.Find("! square(5) failed: worker 1 killed by SIGKILL");
        Assert.Equal(Roles.Attribute(Roles.Failed, s.Main), s.AttributeAt(row, col + 2));
    }

    [Fact]
    public void PoolPanel_FollowsTheSelectedWorkersPool_ANewPoolIsShownWhenItStarts()
    {
        using Screen s = new(100, 30);
        PoolOfTwoRunning(s);
        s.Feed(_e.PoolStarted(2, "cube:2,3", size: 1), _e.PoolWorker(3, 2, pid: 503), _e.Assigned(3, 2, 0));
        Assert.Contains("┤Pool 2 · 2 inputs · 1 worker started", s.Text, StringComparison.Ordinal);

        s.Press(Key.CursorDown); // worker 2, of pool 1
        Assert.Contains("┤Pool 1 · 6 inputs · 2 workers started", s.Text, StringComparison.Ordinal);

        s.Press(Key.CursorDown); // worker 3, of pool 2
        Assert.Contains("┤Pool 2 · 2 inputs · 1 worker started", s.Text, StringComparison.Ordinal);
        Assert.Contains("cube(2)", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ResultsPanel_MoreRowsThanKept_SaysHowManyOfHowMany()
    {
        using Screen s = new(100, 30);
        s.Dashboard.Results.Apply(_e.Spawned(1));
        for (int n = 0; n < ResultsModelBound + 5; n++)
        {
            s.Dashboard.Results.Apply(_e.Result(1, n));
        }

        s.Press(new Key('r'));

        Assert.Contains("┤Results · 10,005 ok · the latest 10,000 of 10,005 kept · r: pool", s.Text, StringComparison.Ordinal);
        Assert.Contains($"square({ResultsModelBound + 4})", s.Text, StringComparison.Ordinal);
    }

    private const int ResultsModelBound = Tui.Models.ResultsModel.DefaultMaxRows;
}
