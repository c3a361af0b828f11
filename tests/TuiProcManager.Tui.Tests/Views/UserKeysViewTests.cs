using System.Drawing;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Input;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Views;
using TuiProcManager.Tui.Views.Dialogs;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>The user's keys in the window: they act, the key bar and the help show them, and a click on the key bar acts.</summary>
public sealed class UserKeysViewTests
{
    private static KeyTable Keys(params UserBinding[] bindings)
    {
        List<string> problems = [];
        KeyTable keys = KeyTable.Build(bindings, problems);
        Assert.Empty(problems);
        return keys;
    }

    [Fact]
    public void RemappedPause_PausesOnTheNewKey_TheOldKeyDoesNothing()
    {
        using Screen s = new(100, 30);
        s.Main.Keys = Keys(new UserBinding("pause-resume", ["z"]));
        s.FeedFromSupervisor();
        s.Spawn(WorkerSpec.Square("10"));

        s.Press(new Key('p'));
        Assert.Empty(s.Harness.Requested(ProcessSignal.Stop));

        s.Press(new Key('z'));
        Assert.Equal([new WorkerId(1)], s.Harness.Requested(ProcessSignal.Stop));
    }

    [Fact]
    public void KeyBar_ShowsTheUsersKeys()
    {
        using Screen s = new(80, 24);
        s.Main.Keys = Keys(new UserBinding("pause-resume", ["Ctrl+P"]), new UserBinding("quit", ["F10"]));
        s.App.LayoutAndDraw();

        string bar = Bar(s);
        Assert.Contains(" Ctrl+P pause ", bar, StringComparison.Ordinal);
        Assert.EndsWith(" F10 quit", bar.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain(" p pause", bar, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void KeyBar_AtTheDefaults_FitsSixtyColumns(bool lab, bool replay)
    {
        HintsView hints = new() { Lab = lab, Replay = replay };

        (string text, _) = hints.Line(60);

        Assert.InRange(text.Length + 1, 40, 60);
        Assert.EndsWith("q quit", text, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyBar_ShowsThe80ColumnFormAsBefore()
    {
        using Screen s = new(80, 24);

        Assert.Equal(" s/c spawn x cmd m pool p pause j/J join k/K stop w mode r view ? help q quit", Bar(s).TrimEnd());
    }

    [Fact]
    public void KeyBar_AnActionWithNoKey_IsLeftOut()
    {
        HintsView hints = new() { Keys = Keys(new UserBinding("join", []), new UserBinding("start-pool", [])) };

        (string text, _) = hints.Line(80);

        Assert.Contains(" J join ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pool", text, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyBar_AClickOnAnEntry_DoesItsAction()
    {
        using Screen s = new(80, 24, begin: false);
        s.Main.Keys = Keys(new UserBinding("pause-resume", ["z"]));
        s.FeedFromSupervisor();
        bool helpOpened = false;
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10); // the script's own bound is on the app's virtual clock
        bool Late() => DateTime.UtcNow > deadline;
        new Script()
            .Then(_ => s.Spawn(WorkerSpec.Square("10")))
            .Then(app => Click(app, s, "z pause", offset: 2)) // the word: its key's action
            .Until(_ => s.Harness.Requested(ProcessSignal.Stop).Length == 1 || Late())
            .Then(app => Click(app, s, "? help", offset: 0))
            .Until(app => (helpOpened = app.TopRunnableView is HelpDialog) || Late())
            .Then(app => app.InjectKey(Key.Esc))
            .Until(app => app.TopRunnableView is not HelpDialog || Late())
            .Run(s.App, s.Main);

        Assert.Equal([new WorkerId(1)], s.Harness.Requested(ProcessSignal.Stop));
        Assert.True(helpOpened, "a click on '? help' opened the help");
    }

    [Fact]
    public void KeyBar_AClickBesideTheEntries_DoesNothing()
    {
        using Screen s = new(80, 24, begin: false);
        new Script()
            .Then(app => app.InjectSequence(InputInjectionExtensions.LeftButtonClick(new Point(79, 23))))
            .Then(app => app.InjectSequence(InputInjectionExtensions.LeftButtonClick(new Point(0, 23))))
            .Then(app => app.LayoutAndDraw())
            .Run(s.App, s.Main);

        Assert.Null(s.Main.HeaderMessage);
    }

    [Fact]
    public void Help_ShowsTheUsersKeys()
    {
        using Screen s = new(100, 30, begin: false);
        s.Main.Keys = Keys(new UserBinding("pause-resume", ["Ctrl+P"]), new UserBinding("kill", ["F8"]));
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
            .Run(s.App, s.Main);

        Assert.Matches(@"Ctrl\+P +pause / resume the selected worker", shown);
        Assert.Matches(@"F8 +kill the selected worker", shown);
        Assert.DoesNotMatch(@"\bp +pause / resume", shown);
    }

    /// <summary>The key bar: the screen's last row.</summary>
    private static string Bar(Screen s) => s.Lines.Last(l => !string.IsNullOrWhiteSpace(l));

    /// <summary>A left click, pressed and released, on the key bar's <paramref name="entry"/> (plus <paramref name="offset"/> columns).</summary>
    private static void Click(IApplication app, Screen s, string entry, int offset)
    {
        app.LayoutAndDraw();
        string bar = Bar(s);
        int row = Array.LastIndexOf(s.Lines, bar);
        int column = bar.IndexOf(entry, StringComparison.Ordinal);
        Assert.True(column >= 0, $"'{entry}' not in the key bar: {bar}");
        app.InjectSequence(InputInjectionExtensions.LeftButtonClick(new Point(column + offset, row)));
    }
}
