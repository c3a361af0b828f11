using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Views;
using TuiProcManager.Tui.Views.Dialogs;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>
/// What the screen says must be true now: Done! stayed after a new worker was spawned; Down could not pass
/// a worker with child rows; search in the merged view did nothing; the CPU panel kept a finished worker's
/// last figure; the pool title said 64 workers when 10 started; "1 lines"; a U+202E passed through raw.
/// </summary>
[Collection(GlobalUiState.Name)]
public sealed class ScreenTruthTests
{
    private readonly EventBuilder _e = new();

    private static string Header(Screen s) => s.Lines[0];

    [Fact]
    public void Done_OnlyWhileEveryWorkerHasEndedAndBeenJoined_GoneWhenANewOneSpawns_BackWhenItIsJoined()
    {
        using Screen s = new(100, 30);
        s.Feed(_e.Spawned(1), _e.Spawned(2), _e.Ended(1), _e.Ended(2), _e.Joined(1));
        Assert.DoesNotContain("Done!", Header(s), StringComparison.Ordinal); // one join of two

        s.Feed(_e.Joined(2));
        Assert.Contains("Done!", Header(s), StringComparison.Ordinal);

        s.Feed(_e.Spawned(3));
        Assert.DoesNotContain("Done!", Header(s), StringComparison.Ordinal);

        s.Feed(_e.Ended(3));
        Assert.DoesNotContain("Done!", Header(s), StringComparison.Ordinal); // ended, not joined

        s.Feed(_e.Joined(3));
        Assert.Contains("Done!", Header(s), StringComparison.Ordinal);
    }

    [Fact]
    public void JoinAll_SaysJoiningUntilItReturns_ThenNoDone_WhenAWorkerSpawnedMeanwhileIsNotJoined()
    {
        using Screen s = new(100, 30);
        s.FeedFromSupervisor();
        s.Spawn(WorkerSpec.Square("10"), WorkerSpec.Square("11")); // PIDs 100 and 101

        s.Press(new Key('J'));
        Assert.Contains("joining 2…", Header(s), StringComparison.Ordinal);

        s.Spawn(WorkerSpec.Square("12")); // worker 3: not in the join
        s.Harness.Os.Exit(100, WorkerExit.Exited(0));
        Assert.Contains("joining 2…", Header(s), StringComparison.Ordinal); // worker 2 still runs

        s.Harness.Os.Exit(101, WorkerExit.Exited(0));
        s.Settle(() => !Header(s).Contains("joining", StringComparison.Ordinal), "the join of every worker to return");

        Assert.Equal([new WorkerId(1), new WorkerId(2)], s.Harness.Of<WorkerJoined>().Select(j => j.Worker).Order());
        Assert.DoesNotContain("Done!", Header(s), StringComparison.Ordinal); // worker 3 runs, unjoined
    }

    [Fact]
    public void Down_MovesPastAWorkerWithChildRows_EvenWithRefreshesBetweenKeys()
    {
        using Screen s = new(100, 30);
        s.Feed(
            _e.Spawned(1, WorkerSpec.Command(["python3", "lesson.py"])), _e.Spawned(2, WorkerSpec.Cube("2")), _e.Spawned(3, WorkerSpec.Cube("3")),
            _e.Sample(1, 0, 1, EventBuilder.Child(2001, 1001, 50), EventBuilder.Child(2002, 1001, 50)));

        for (int i = 0; i < 3; i++)
        {
            s.Press(Key.CursorDown);
            s.Feed(_e.Sample(1, 0, 1, EventBuilder.Child(2001, 1001, 50), EventBuilder.Child(2002, 1001, 50)), _e.Machine(10)); // the once-a-second refresh
        }

        Assert.Contains("Output · 2 cube 2", s.Text, StringComparison.Ordinal);

        s.Press(Key.CursorDown);
        Assert.Contains("Output · 3 cube 3", s.Text, StringComparison.Ordinal);
        s.Press(Key.CursorDown); // the last row: stays
        Assert.Contains("Output · 3 cube 3", s.Text, StringComparison.Ordinal);

        s.Press(Key.CursorUp);
        s.Press(Key.CursorUp);
        s.Feed(_e.Machine(10));
        Assert.Contains("Output · 1 python3 lesson.py", s.Text, StringComparison.Ordinal); // on its second child's row
        s.Press(Key.End);
        Assert.Contains("Output · 3 cube 3", s.Text, StringComparison.Ordinal);
        s.Press(Key.Home);
        Assert.Contains("Output · 1 python3 lesson.py", s.Text, StringComparison.Ordinal);
        s.Press(Key.PageDown);
        Assert.Contains("Output · 3 cube 3", s.Text, StringComparison.Ordinal);
        s.Press(Key.PageUp);
        Assert.Contains("Output · 1 python3 lesson.py", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SelectedChildRow_WhenTheChildEnds_TheSelectionGoesToItsWorker()
    {
        using Screen s = new(100, 30);
        s.Feed(_e.Spawned(1, WorkerSpec.Command(["python3", "lesson.py"])), _e.Spawned(2), _e.Sample(1, 0, 1, EventBuilder.Child(2001, 1001, 50)));
        s.Press(Key.CursorDown); // the child's row

        s.Feed(_e.Descendant(1, 2001, 1001, WorkerState.Running, WorkerState.Ended));

        Assert.Contains("Output · 1 python3 lesson.py", s.Text, StringComparison.Ordinal);
        s.Press(Key.CursorDown);
        Assert.Contains("Output · 2 square 10", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_InTheMergedView_JumpsToTheMatch_StaysThereAsBatchesArrive_SaysNotFoundAndWrapped()
    {
        using Screen s = new(100, 30, begin: false);
        new Script()
            .Then(_ => s.Main.Apply([_e.Spawned(1), _e.Spawned(2, WorkerSpec.Cube("3")),
                .. Enumerable.Range(1, 300).Select(i => _e.Line(1 + (i % 2), i % 100 == 0 ? $"needle {i}" : $"hay {i}"))]))
            .Then(app => app.InjectKey(new Key('o')))
            .Then(app => app.InjectKey(new Key('/')))
            .Until(app => app.TopRunnableView is SearchDialog)
            .Then(app =>
            {
                Type(app, "needle");
                app.InjectKey(Key.Enter);
            })
            .Until(app => app.TopRunnableView is not SearchDialog)
            .Then(app =>
            {
                s.Main.Apply([_e.Machine(10), _e.Line(1, "hay 301"), _e.Line(2, "hay 302")]); // batches after the jump
                app.LayoutAndDraw();
                string screen = app.Driver!.ToString()!;
                Assert.Contains("all workers, merged", screen, StringComparison.Ordinal);
                Assert.Contains("] needle 100", screen.Replace("   ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
                Assert.Contains("/needle: match 1 of 3", screen, StringComparison.Ordinal);
                Assert.DoesNotContain("hay 302", screen, StringComparison.Ordinal); // not pulled back to the tail
                (int row, int col) match = s.Find("needle 100");
                (int row, int col) other = s.Find("hay 101");
                Assert.NotEqual(s.AttributeAt(other.row, other.col), s.AttributeAt(match.row, match.col)); // the match is marked

                app.InjectKey(new Key('n'));
                app.InjectKey(new Key('n'));
                app.LayoutAndDraw();
                Assert.Contains("/needle: match 3 of 3", app.Driver!.ToString(), StringComparison.Ordinal);

                app.InjectKey(new Key('n'));
                app.LayoutAndDraw();
                Assert.Contains("/needle: match 1 of 3, wrapped to the top", app.Driver!.ToString(), StringComparison.Ordinal);
                Assert.Contains("wrapped to the top", s.Main.HeaderMessage, StringComparison.Ordinal);

                app.InjectKey(new Key('N'));
                app.LayoutAndDraw();
                Assert.Contains("/needle: match 3 of 3, wrapped to the bottom", app.Driver!.ToString(), StringComparison.Ordinal);
            })
            .Then(app => app.InjectKey(new Key('/')))
            .Until(app => app.TopRunnableView is SearchDialog)
            .Then(app =>
            {
                for (int i = 0; i < 6; i++)
                {
                    app.InjectKey(Key.Backspace);
                }

                Type(app, "haystack");
                app.InjectKey(Key.Enter);
            })
            .Until(app => app.TopRunnableView is not SearchDialog)
            .Then(app =>
            {
                app.LayoutAndDraw();
                Assert.Contains("/haystack: not found", app.Driver!.ToString(), StringComparison.Ordinal);
                Assert.Contains("/haystack: not found in the merged output", s.Main.HeaderMessage, StringComparison.Ordinal);
            })
            .Run(s.App, s.Main);
    }

    [Fact]
    public void SearchAgain_WithoutASearch_SaysHowToSearch()
    {
        using Screen s = new(100, 30);
        s.Feed(_e.Spawned(1), _e.Line(1, "Square: 100"));

        s.Press(new Key('n'));

        Assert.Contains("no search yet", s.Main.HeaderMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Cpu_OfAFinishedWorker_IsZeroAndSaidEnded_NotItsLastFigure()
    {
        using Screen s = new(100, 30);
        s.Feed(_e.Spawned(1), _e.State(1, WorkerState.Starting, WorkerState.Running), _e.Sample(1, 97.5), _e.Machine(97.5));
        Assert.Contains("1 square 10: 97.5%", s.Text, StringComparison.Ordinal);

        s.Feed(_e.Ended(1), _e.Machine(3));

        Assert.Contains("1 square 10: ended, 0%", s.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("97.5", s.Text, StringComparison.Ordinal); // nor in the table's CPU% column
    }

    [Fact]
    public void PoolTitle_SaysTheWorkersStarted_NotThePoolSizeAsked()
    {
        using Screen s = new(120, 30);
        s.Feed([_e.PoolStarted(1, "square:1..10", size: 64), .. Enumerable.Range(1, 10).Select(i => _e.PoolWorker(i, 1, pid: 500 + i))]);

        Assert.Contains("┤Pool 1 · 10 inputs · 10 workers started of Pool(64) · r: output", s.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("over 64", s.Text, StringComparison.Ordinal);

        s.Feed(_e.Ended(3, WorkerExit.Signaled(9, "SIGKILL")), _e.PoolWorker(11, 1, pid: 511));
        Assert.Contains("11 workers started of Pool(64), 10 alive", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputTitle_OneLine_IsSingular()
    {
        using Screen s = new(100, 30);
        s.Feed(_e.Spawned(1), _e.Line(1, "Square: 100"));

        Assert.Contains("Output · 1 square 10 · 1 line", s.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("1 lines", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BidiControls_FromOutputNamesAndComm_AreShownAsText_InEveryPanel()
    {
        using Screen s = new(120, 36);
        s.Feed(
            _e.Spawned(1, WorkerSpec.Command(["echo", "gpj.\u202Eexe"])),
            _e.Sample(1, 0, 1, EventBuilder.Child(2001, 1001, 10, name: "kid\u2067x\u2069")),
            _e.Line(1, "exit \u202E0 ;rm\u2028next"));
        s.Press(new Key('o')); // merged: the worker's name in every line's tag too
        string text = s.Text;

        Assert.Contains("echo gpj.<U+202E>exe", text, StringComparison.Ordinal);
        Assert.Contains("kid<U+2067>x<U+2069>", text, StringComparison.Ordinal);
        Assert.Contains("exit <U+202E>0 ;rm<U+2028>next", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text, c => c is '\u202E' or '\u2067' or '\u2069' or '\u2028');
    }

    [Fact]
    public void OutputList_TabThenHomeEndPageUpPageDownUpDown_MoveThroughTheLines()
    {
        using Screen s = new(100, 30);
        s.Feed([_e.Spawned(1), .. Enumerable.Range(1, 200).Select(i => _e.Line(1, $"line {i:000}"))]);
        Assert.Contains("line 200", s.Text, StringComparison.Ordinal);

        s.Press(Key.Tab); // the keyboard to the Output panel
        s.Press(Key.Home);
        Assert.Contains("line 001", s.Text, StringComparison.Ordinal);
        s.Press(Key.PageDown);
        s.Press(Key.PageDown);
        Assert.DoesNotContain("line 001", s.Text, StringComparison.Ordinal);
        s.Press(Key.PageUp);
        s.Press(Key.PageUp);
        Assert.Contains("line 001", s.Text, StringComparison.Ordinal);
        s.Press(Key.End);
        Assert.Contains("line 200", s.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("line 001", s.Text, StringComparison.Ordinal);
        s.Press(Key.CursorUp);
        s.Press(Key.CursorDown);
        Assert.Contains("line 200", s.Text, StringComparison.Ordinal);
    }

    private static void Type(Terminal.Gui.App.IApplication app, string text)
    {
        foreach (char c in text)
        {
            app.InjectKey(new Key(c));
        }
    }
}
