using System.Text;
using NSubstitute;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TuiProcManager.Core.Workers;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Linux.Files;
using TuiProcManager.Linux.Processes;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Views.Dialogs;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>
/// A refused value is seen, whole, on the screen: in the one-field dialogs (x, T, a lab's typed answer) the
/// message used to be drawn on the row of the buttons, so nothing showed; in s, c and m it was cut at one
/// line ("work ms must be a whole number from 0 to") even at 200 columns. Checked on the drawn screen, at
/// 80×24 and at the 60×16 minimum, with the real executable resolver.
/// </summary>
[Collection(GlobalUiState.Name)]
public sealed class RefusalShownTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tuiproc-refusal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<int, int, string> Commands()
    {
        TheoryData<int, int, string> data = new();
        foreach ((int w, int h) in new[] { (80, 24), (60, 16) })
        {
            foreach (string command in new[] { "ls | wc", "echo $(rm -rf /)", "nosuchprog_xyz", "/etc/passwd", "echo 'unbalanced", "/tmp", "nosuchprog_" + new string('y', 200) })
            {
                data.Add(w, h, command);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void CommandDialog_RefusedCommand_IsShownInFull(int width, int height, string command)
    {
        using Screen s = new(width, height, begin: false);
        s.Resolver.TryResolve(Arg.Any<string>(), out Arg.Any<string?>(), out Arg.Any<string?>()).Returns(call =>
        {
            bool found = ExecutableResolver.Instance.TryResolve(call.ArgAt<string>(0), out string? path, out string? error);
            call[1] = path;
            call[2] = error;
            return found;
        });

        AssertRefusalShown<CommandDialog>(s, 'x', app => Type(app, command));

        s.Harness.AssertNothingStarted();
    }

    public static TheoryData<int, int, string> Timeouts()
    {
        TheoryData<int, int, string> data = new();
        foreach ((int w, int h) in new[] { (80, 24), (60, 16) })
        {
            foreach (string timeout in new[] { "-1", "abc", "86400", "0", "" })
            {
                data.Add(w, h, timeout);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Timeouts))]
    public void JoinTimeoutDialog_RefusedTimeout_IsShownInFull(int width, int height, string timeout)
    {
        using Screen s = new(width, height, begin: false);
        EventBuilder e = new();
        s.Main.Apply([e.Spawned(1), e.State(1, WorkerState.Starting, WorkerState.Running)]);

        AssertRefusalShown<JoinTimeoutDialog>(s, 'T', app =>
        {
            app.InjectKey(Key.Backspace);
            Type(app, timeout);
        });
    }

    public static TheoryData<int, int, char, int, string> FormFields()
    {
        TheoryData<int, int, char, int, string> data = new();
        foreach ((int w, int h) in new[] { (80, 24), (60, 16), (200, 50) })
        {
            data.Add(w, h, 's', 2, "-1");
            data.Add(w, h, 'c', 3, "99999999999");
            data.Add(w, h, 's', 0, "12a");
            data.Add(w, h, 'm', 1, "1..100001");
            data.Add(w, h, 'm', 4, "-1");
            data.Add(w, h, 'm', 2, "two");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormFields))]
    public void SpawnAndPoolDialogs_RefusedField_IsShownInFull(int width, int height, char key, int field, string text)
    {
        using Screen s = new(width, height, begin: false);

        AssertRefusalShown<FormDialog>(s, key, app =>
        {
            for (int i = 0; i < field; i++)
            {
                app.InjectKey(Key.Tab);
            }

            app.InjectKey(Key.End);
            for (int i = 0; i < 12; i++)
            {
                app.InjectKey(Key.Backspace);
            }

            Type(app, text);
        });

        s.Harness.AssertNothingStarted();
    }

    private static Lab TypedQuestion { get; } = LabReader.Parse(Encoding.UTF8.GetBytes("""
        { "format": "tuiproc-lab/1", "id": "t", "name": "test", "title": "Typed", "summary": "s", "steps": [
          { "id": "ask", "title": "What does square(7) print?", "text": "Think.", "question": { "answers": ["49"] } }
        ] }
        """), "t.json");

    [Theory]
    [InlineData(80, 24, "48")]
    [InlineData(60, 16, "48")]
    [InlineData(60, 16, "")]
    public void AnswerDialog_WrongTypedAnswer_SaysNotQuite_InFull(int width, int height, string answer)
    {
        using Screen s = new(width, height, begin: false);
        s.Main.OpenLab(new LabOptions
        {
            Lab = TypedQuestion,
            Store = new ProgressStore(RegularFileReader.Instance, Path.Combine(_dir, "state")),
            ProgressKey = "t",
            ReportDirectory = _dir,
            Files = OutputFileOpener.Instance,
            User = "alice",
            Machine = "pc",
        });

        string message = AssertRefusalShown<AnswerDialog>(s, 'a', app => Type(app, answer));

        Assert.Contains(answer.Length == 0 ? "type an answer first" : "not quite", message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Opens a dialog with <paramref name="key"/>, fills it, presses Enter; then the dialog is open, inside
    /// the screen, and shows its message whole. Returns the message.
    /// </summary>
    private static string AssertRefusalShown<TDialog>(Screen s, char key, Action<IApplication> fill)
        where TDialog : FormDialog
    {
        TDialog? dialog = null;
        string message = "";
        new Script()
            .Then(app => app.InjectKey(new Key(key)))
            .Until(app => (dialog = app.TopRunnableView as TDialog) is not null)
            .Then(app =>
            {
                fill(app);
                app.InjectKey(Key.Enter);
            })
            .Until(_ => dialog!.ErrorText.Length > 0)
            .Then(app =>
            {
                app.LayoutAndDraw();
                message = dialog!.ErrorText;
                Assert.Same(dialog, app.TopRunnableView); // still open
                DialogScreen.AssertInsideScreen(app, dialog);
                DialogScreen.AssertShownInFull(app, dialog, message, dialog.ErrorLines);
                app.InjectKey(Key.Esc);
            })
            .Until(app => app.TopRunnableView is not TDialog)
            .Run(s.App, s.Main);
        return message;
    }

    private static void Type(IApplication app, string text)
    {
        foreach (char c in text)
        {
            app.InjectKey(new Key(c));
        }
    }
}
