using System.Text;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Linux.Files;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Input;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Views;
using TuiProcManager.Tui.Views.Dialogs;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>
/// The documented minimum, 60×16, and long messages: every dialog and the help fit the screen (the m
/// dialog and the help were cut on both sides), everything in the help can be scrolled to, a long header
/// message is read whole (it was cut at the screen's edge), the too-small notice wraps (cut at 40×10),
/// and an empty first screen says what to do first.
/// </summary>
[Collection(GlobalUiState.Name)]
public sealed class SmallScreenTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tuiproc-small-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Lab Choices { get; } = LabReader.Parse(Encoding.UTF8.GetBytes("""
        { "format": "tuiproc-lab/1", "id": "t", "name": "test", "title": "Choices", "summary": "s", "steps": [
          { "id": "ask", "title": "Which call waits for a worker to end, whatever state it is in right now?", "text": "Think.",
            "question": { "choices": ["p.start()", "p.join()", "It stays stopped; SIGTERM waits, pending, until SIGCONT comes", "p.is_alive()", "os.wait() from the parent"], "answer": "p.join()" } }
        ] }
        """), "t.json");

    [Theory]
    [InlineData('s', "wait ms")]
    [InlineData('c', "wait ms")]
    [InlineData('x', "e.g. python3 lesson.py")]
    [InlineData('m', "blocked per step")]
    [InlineData('T', "seconds, like p.join(2)")]
    [InlineData('/', "find")]
    [InlineData('a', "5) os.wait() from the parent")]
    public void EveryDialog_At60x16_FitsTheScreen_WithItsLastRowShown(char key, string lastRow)
    {
        using Screen s = new(60, 16, begin: false);
        EventBuilder e = new();
        s.Main.Apply([e.Spawned(1), e.State(1, Core.Workers.WorkerState.Starting, Core.Workers.WorkerState.Running)]);
        s.Main.OpenLab(new LabOptions
        {
            Lab = Choices, Store = new ProgressStore(RegularFileReader.Instance, Path.Combine(_dir, "state")), ProgressKey = "t", ReportDirectory = _dir,
            Files = OutputFileOpener.Instance, User = "alice", Machine = "pc",
        });
        new Script()
            .Then(app => app.InjectKey(new Key(key)))
            .Until(app => app.TopRunnableView is FormDialog)
            .Then(app =>
            {
                app.LayoutAndDraw();
                DialogScreen.AssertInsideScreen(app, (FormDialog)app.TopRunnableView!);
                Assert.Contains(lastRow, app.Driver!.ToString(), StringComparison.Ordinal);
                app.InjectKey(Key.Esc);
            })
            .Until(app => app.TopRunnableView is not FormDialog)
            .Run(s.App, s.Main);
    }

    [Theory]
    [InlineData(60, 16)]
    [InlineData(80, 24)]
    public void AnswerDialog_LongQuestionAndChoices_AreShownWhole(int width, int height)
    {
        using Screen s = new(width, height, begin: false);
        s.Main.OpenLab(new LabOptions
        {
            Lab = Choices, Store = new ProgressStore(RegularFileReader.Instance, Path.Combine(_dir, "state")), ProgressKey = "t", ReportDirectory = _dir,
            Files = OutputFileOpener.Instance, User = "alice", Machine = "pc",
        });
        new Script()
            .Then(app => app.InjectKey(new Key('a')))
            .Until(app => app.TopRunnableView is AnswerDialog)
            .Then(app =>
            {
                app.LayoutAndDraw();
                AnswerDialog dialog = (AnswerDialog)app.TopRunnableView!;
                DialogScreen.AssertInsideScreen(app, dialog);
                int columns = dialog.Viewport.Width - 2;
                string question = Choices.Steps[0].Title;
                DialogScreen.AssertShownInFull(app, dialog, question, TextWrap.Lines(question, columns));
                string longest = "3) " + Choices.Steps[0].Question!.Choices[2];
                DialogScreen.AssertShownInFull(app, dialog, longest, TextWrap.Lines(longest, columns));
                Assert.Contains("5) os.wait() from the parent", app.Driver!.ToString(), StringComparison.Ordinal);
                app.InjectKey(Key.Esc);
            })
            .Until(app => app.TopRunnableView is not AnswerDialog)
            .Run(s.App, s.Main);
    }

    [Fact]
    public void PoolDialog_At60x16_ShowsEveryFieldAndNote()
    {
        using Screen s = new(60, 16, begin: false);
        string screen = "";
        new Script()
            .Then(app => app.InjectKey(new Key('m')))
            .Until(app => app.TopRunnableView is PoolDialog)
            .Then(app =>
            {
                app.LayoutAndDraw();
                screen = app.Driver!.ToString()!;
                app.InjectKey(Key.Esc);
            })
            .Until(app => app.TopRunnableView is not PoolDialog)
            .Run(s.App, s.Main);

        foreach (string shown in new[] { "kind", "square or cube", "inputs", "1..20 or 2,3,5", "workers", "steps", "0 = at once", "work ms", "CPU per step", "wait ms", "blocked per step", "Cancel", "Start" })
        {
            Assert.Contains(shown, screen, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(60, 16)]
    [InlineData(80, 24)]
    public void Help_FitsTheScreen_AndEveryLineCanBeScrolledTo(int width, int height)
    {
        using Screen s = new(width, height, begin: false);
        HashSet<string> seen = [];
        List<string> expected = [];
        HelpDialog? help = null;
        int presses = 0;
        new Script()
            .Then(app => app.InjectKey(new Key('?')))
            .Until(app => (help = app.TopRunnableView as HelpDialog) is not null)
            .Then(app =>
            {
                app.LayoutAndDraw();
                DialogScreen.AssertInsideScreen(app, help!);
                expected = [.. SummaryView.Wrap([.. HelpText.Main(KeyTable.Defaults, ascii: false)], help!.Lines.Viewport.Width).Select(r => r.Text.Trim())];
            })
            .Until(app =>
            {
                app.LayoutAndDraw();
                seen.UnionWith(app.Driver!.ToString()!.Split('\n').Select(r => r.Trim('║', ' ', '│', '┐', '┘', '─')));
                app.InjectKey(Key.CursorDown);
                return ++presses > 60;
            })
            .Then(app => app.InjectKey(Key.Esc))
            .Until(app => app.TopRunnableView is not HelpDialog)
            .Run(s.App, s.Main);

        Assert.All(expected, row => Assert.Contains(seen, shown => shown.Contains(row, StringComparison.Ordinal)));
    }

    [Fact]
    public void Header_LongMessage_WrapsOverRows_AndThePanelsMoveDown()
    {
        using Screen s = new(100, 30);
        string message = "the settings file /home/someone/.config/tuiproc/settings.json is a FIFO, not a regular file: it was not read, and the defaults are used";

        s.Main.SayProblem(message);
        s.App.LayoutAndDraw();

        string[] rows = s.Lines;
        string header = string.Join(" ", rows.TakeWhile(r => !r.Contains("┤Processes", StringComparison.Ordinal)).Select(r => r.Trim()));
        Assert.Contains(message, header, StringComparison.Ordinal);
        Assert.InRange(s.Find("┤Processes").Row, 2, HeaderView.MaxRows); // below the header's rows, however many it took
    }

    [Fact]
    public void Header_MessageTooLongForItsRows_SaysSo_AndTheHelpShowsItWhole()
    {
        using Screen s = new(80, 24, begin: false);
        string message = "could not read /" + string.Join('/', Enumerable.Range(0, 40).Select(i => $"dir{i}")) + "/settings.json: it is not a regular file";
        s.Main.SayProblem(message);
        string screen = "";
        HelpDialog? help = null;
        new Script()
            .Then(app =>
            {
                app.LayoutAndDraw();
                Assert.EndsWith(HeaderView.CutNote, app.Driver!.ToString()!.Split('\n')[HeaderView.MaxRows - 1].TrimEnd(), StringComparison.Ordinal);
                app.InjectKey(new Key('?'));
            })
            .Until(app => (help = app.TopRunnableView as HelpDialog) is not null)
            .Then(app =>
            {
                app.LayoutAndDraw();
                screen = app.Driver!.ToString()!;
                app.InjectKey(Key.Esc);
            })
            .Until(app => app.TopRunnableView is not HelpDialog)
            .Run(s.App, s.Main);

        List<(string Text, int Line)> rows = SummaryView.Wrap(["Last message: " + message], help!.Lines.Viewport.Width);
        Assert.All(rows, r => Assert.Contains(r.Text, screen, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(40, 10)]
    [InlineData(30, 12)]
    public void TooSmall_TheNotice_IsWrapped_NotCut(int width, int height)
    {
        using Screen s = new(width, height);

        string text = string.Join(" ", s.Lines.Select(l => l.Trim()).Where(l => l.Length > 0));

        Assert.Contains($"The terminal is {width}×{height}. tuiproc needs at least 60×16: enlarge it, or press q to quit. No room? tuiproc run KIND:N runs without the UI.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(60, 16)]
    public void FirstScreen_SaysWhatToDoFirst_UntilAWorkerIsStarted(int width, int height)
    {
        using Screen s = new(width, height);

        string text = string.Join(" ", s.Lines.Select(l => l.Trim('│', ' ')));
        Assert.Contains("s spawn", text.Replace("  ", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("tuiproc lab 1", text, StringComparison.Ordinal);
        Assert.Contains("? ", text, StringComparison.Ordinal);
        Assert.Contains("every key", text, StringComparison.Ordinal);
        Assert.Contains("q quits", text, StringComparison.Ordinal);

        s.Feed(new EventBuilder().Spawned(1));

        Assert.DoesNotContain("Nothing runs yet", s.Text, StringComparison.Ordinal);
    }
}
