using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Views.Dialogs;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>Dialogs, on the real main loop: what a user typing into them gets.</summary>
[Collection(GlobalUiState.Name)]
public sealed class DialogFlowTests
{
    private static void Type(Terminal.Gui.App.IApplication app, string text)
    {
        foreach (char c in text)
        {
            app.InjectKey(new Key(c));
        }
    }

    private static void ClearField(Terminal.Gui.App.IApplication app, int length)
    {
        for (int i = 0; i < length; i++)
        {
            app.InjectKey(Key.Backspace);
        }
    }

    [Fact]
    public void Spawn_BadNumber_SaysWhatIsWrongAndStaysOpen_ThenAValidOneSpawns()
    {
        using Screen s = new(100, 30, begin: false);
        SpawnDialog? dialog = null;
        new Script()
            .Then(app => app.InjectKey(new Key('s')))
            .Until(app => (dialog = app.TopRunnableView as SpawnDialog) is not null)
            .Then(app =>
            {
                app.InjectKey(Key.End);
                ClearField(app, 2);
                Type(app, "1e5");
                app.InjectKey(Key.Enter);
            })
            .Until(_ => dialog!.ErrorText.Length > 0)
            .Then(app =>
            {
                Assert.Equal("N must be an integer, got '1e5'", dialog!.ErrorText);
                Assert.Same(dialog, app.TopRunnableView); // still open
                ClearField(app, 3);
                Type(app, "-12");
                app.InjectKey(Key.Enter);
            })
            .Until(app => app.TopRunnableView is not SpawnDialog)
            .Run(s.App, s.Main);

        Assert.Equal(WorkerSpec.Square("-12", new Workload(10, 300, 200)), Assert.Single(s.Harness.Of<WorkerSpawned>()).Spec);
        Assert.StartsWith("spawned 1: ", s.Main.HeaderMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Spawn_Escape_SpawnsNothing()
    {
        using Screen s = new(100, 30, begin: false);
        new Script()
            .Then(app => app.InjectKey(new Key('c')))
            .Until(app => app.TopRunnableView is SpawnDialog)
            .Then(app => app.InjectKey(Key.Esc))
            .Until(app => app.TopRunnableView is not SpawnDialog)
            .Run(s.App, s.Main);

        s.Harness.AssertNothingStarted();
    }

    [Theory]
    [InlineData("ls | wc", "shell syntax '|' in command 'ls | wc' is not supported")]
    [InlineData("echo 'open", "unterminated single quote")]
    [InlineData("ls *.py", "glob '*'")]
    public void Command_WhatNeedsAShell_IsRefusedWithAReason(string command, string expected)
    {
        using Screen s = new(100, 30, begin: false);
        CommandDialog? dialog = null;
        new Script()
            .Then(app => app.InjectKey(new Key('x')))
            .Until(app => (dialog = app.TopRunnableView as CommandDialog) is not null)
            .Then(app =>
            {
                Type(app, command);
                app.InjectKey(Key.Enter);
            })
            .Until(_ => dialog!.ErrorText.Length > 0)
            .Then(app =>
            {
                Assert.Contains(expected, dialog!.ErrorText, StringComparison.Ordinal);
                app.InjectKey(Key.Esc);
            })
            .Until(app => app.TopRunnableView is not CommandDialog)
            .Run(s.App, s.Main);

        s.Harness.AssertNothingStarted();
    }

    [Fact]
    public void Command_IsSplitIntoAnArgumentVector_NeverAShellLine()
    {
        using Screen s = new(100, 30, begin: false);
        new Script()
            .Then(app => app.InjectKey(new Key('x')))
            .Until(app => app.TopRunnableView is CommandDialog)
            .Then(app =>
            {
                Type(app, "python3 -c 'print(2*3)'");
                app.InjectKey(Key.Enter);
            })
            .Until(app => app.TopRunnableView is not CommandDialog)
            .Run(s.App, s.Main);

        Assert.Equal(WorkerSpec.Command(["python3", "-c", "print(2*3)"]), Assert.Single(s.Harness.Of<WorkerSpawned>()).Spec);
    }

    [Fact]
    public void Quit_WithLiveWorkers_AsksFirst_ThenStopsThemAll()
    {
        using Screen s = new(100, 30, begin: false);
        s.FeedFromSupervisor();
        string? asked = null, said = null;
        new Script()
            .Then(_ => s.Spawn(WorkerSpec.Square("10"), WorkerSpec.Cube("3")))
            .Then(app => app.InjectKey(new Key('q')))
            .Until(app => app.TopRunnableView is Dialog)
            .Then(app =>
            {
                app.LayoutAndDraw();
                asked = app.Driver!.ToString();
                Assert.Empty(s.Harness.Requested(ProcessSignal.Terminate)); // not before the answer
                app.InjectKey(Key.Enter); // the default button: Quit
            })
            .Until(_ => s.Harness.Requested(ProcessSignal.Terminate).Length == 2)
            .Then(_ =>
            {
                said = s.Main.HeaderMessage;
                s.Harness.Os.Exit(100, WorkerExit.Signaled(15, "SIGTERM")); // they end: the stop completes, the UI ends
                s.Harness.Os.Exit(101, WorkerExit.Signaled(15, "SIGTERM"));
            })
            .Run(s.App, s.Main); // the stop may end the loop before another step could look: checked after

        Assert.Contains("2 workers still alive. Stop them all and quit?", asked, StringComparison.Ordinal);
        Assert.Equal([new WorkerId(1), new WorkerId(2)], s.Harness.Requested(ProcessSignal.Terminate));
        Assert.Equal("stopping 2 workers…", said); // the answer stopped them and said so (ExitCode, 0, is also its default)
    }

    [Fact]
    public void Help_OnQuestionMarkAndF1_ListsTheKeys()
    {
        using Screen s = new(100, 34, begin: false); // every line of the help at once
        string? shown = null;
        new Script()
            .Then(app => app.InjectKey(new Key('?')))
            .Until(app => app.TopRunnableView is HelpDialog)
            .Then(app =>
            {
                app.LayoutAndDraw();
                shown = app.Driver!.ToString();
                app.InjectKey(Key.Esc);
            })
            .Until(app => app.TopRunnableView is not HelpDialog)
            .Then(app => app.InjectKey(Key.F1))
            .Until(app => app.TopRunnableView is HelpDialog)
            .Then(app => app.InjectKey(Key.Esc))
            .Until(app => app.TopRunnableView is not HelpDialog)
            .Run(s.App, s.Main);

        Assert.Contains("pause / resume the selected worker", shown, StringComparison.Ordinal);
        Assert.Contains("p.terminate(); here the group, SIGKILL at 3 s", shown, StringComparison.Ordinal);
        Assert.Contains("9, F9    kill the selected worker                p.kill(): SIGKILL; here to the whole group", shown, StringComparison.Ordinal);
        Assert.Contains("T        join the selected worker, with a timeout      p.join(2)", shown, StringComparison.Ordinal);
        Assert.Contains("w        mode: parallel (all at once) / pause-on-wait", shown, StringComparison.Ordinal);
        Assert.Contains("+, = / - one run slot more / fewer", shown, StringComparison.Ordinal);
        Assert.Contains("S        the run summary;  o  the output back", shown, StringComparison.Ordinal);
        Assert.Contains("e        Explain: what each action and change means", shown, StringComparison.Ordinal);
        Assert.Contains("L h a E  in a lab (tuiproc lab N)", shown, StringComparison.Ordinal);
        Assert.Contains("b B      split output: the selected worker in / out", shown, StringComparison.Ordinal);
        Assert.Contains("f F      output: stdout and stderr / stdout only / stderr only", shown, StringComparison.Ordinal);
        Assert.Contains("v y      select lines, then copy", shown, StringComparison.Ordinal);
        Assert.Contains("queued (stopped by pause-on-wait until a slot is free)", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_FindsALineInTheOutput_NextAndPreviousMoveBetweenMatches()
    {
        using Screen s = new(100, 30, begin: false);
        EventBuilder e = new();
        new Script()
            .Then(_ => s.Main.Apply([e.Spawned(1), .. Enumerable.Range(1, 300).Select(i => e.Line(1, i % 100 == 0 ? $"needle {i}" : $"hay {i}"))]))
            .Then(app => app.InjectKey(new Key('/')))
            .Until(app => app.TopRunnableView is SearchDialog)
            .Then(app =>
            {
                Type(app, "NEEDLE");
                app.InjectKey(Key.Enter);
            })
            .Until(app => app.TopRunnableView is not SearchDialog)
            .Then(app =>
            {
                app.LayoutAndDraw();
                Assert.Contains("needle 100", app.Driver!.ToString(), StringComparison.Ordinal);
                Assert.Contains("/NEEDLE", app.Driver!.ToString(), StringComparison.Ordinal);
                app.InjectKey(new Key('n'));
                app.LayoutAndDraw();
                Assert.Contains("needle 200", app.Driver!.ToString(), StringComparison.Ordinal);
            })
            .Run(s.App, s.Main);
    }
}
