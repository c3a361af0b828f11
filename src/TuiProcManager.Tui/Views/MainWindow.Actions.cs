using Terminal.Gui.App;
using Terminal.Gui.Views;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Controllers;
using TuiProcManager.Tui.Input;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Dialogs;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// What a key does: the ones that act on workers go to <see cref="WorkerActions"/> (which asks through the
/// dialogs here), the lab's to <see cref="Controllers.LabController"/>; the rest change what the screen shows.
/// </summary>
internal sealed partial class MainWindow : IDialogs
{
    /// <summary>Carries out <paramref name="action"/>: the key's meaning, from <see cref="KeyMap"/>.</summary>
    public void Do(UiAction action)
    {
        switch (action)
        {
            case UiAction.SpawnSquare: Later(() => _actions.SpawnWorker(WorkerKind.Square)); break;
            case UiAction.SpawnCube: Later(() => _actions.SpawnWorker(WorkerKind.Cube)); break;
            case UiAction.RunCommand: Later(_actions.RunCommand); break;
            case UiAction.PauseResume: _actions.PauseOrResume(); break;
            case UiAction.Join: _actions.Join(); break;
            case UiAction.JoinAll: _actions.JoinAll(); break;
            case UiAction.Terminate: _actions.Terminate(); break;
            case UiAction.TerminateAll: _actions.TerminateAll(); break;
            case UiAction.ToggleOutput: ToggleOutput(); break;
            case UiAction.Search: Later(Search); break;
            case UiAction.SearchNext: SearchAgain(forward: true); break;
            case UiAction.SearchPrevious: SearchAgain(forward: false); break;
            case UiAction.NextTheme: NextTheme(); break;
            case UiAction.ToggleScheduling: _actions.ToggleScheduling(); break;
            case UiAction.MoreSlots: _actions.MoveSlots(+1); break;
            case UiAction.FewerSlots: _actions.MoveSlots(-1); break;
            case UiAction.ToggleSummary: ToggleSummary(); break;
            case UiAction.StartPool: Later(_actions.StartPool); break;
            case UiAction.NextPlace: NextPlace(); break;
            case UiAction.Help: Later(() => Show(new HelpDialog(_ascii, _header.MessageCutAt(_header.Frame.Width) ? _header.Message : null))); break;
            case UiAction.Quit: Later(() => Stop(ask: true, exitCode: 0)); break;
            case UiAction.Interrupt: Interrupted(); break;
            case UiAction.Kill: _actions.Kill(); break;
            case UiAction.JoinWithTimeout: Later(_actions.JoinWithTimeout); break;
            case UiAction.ToggleExplain: ToggleExplain(); break;
            case UiAction.ToggleLab: ToggleLab(); break;
            case UiAction.Hint: Hint(); break;
            case UiAction.Answer: Later(Answer); break;
            case UiAction.ExportReport: ExportReport(); break;
            default: break;
        }
    }

    /// <inheritdoc />
    WorkerSpec? IDialogs.AskWorker(WorkerKind kind)
    {
        SpawnDialog dialog = new(kind);
        Show(dialog);
        return dialog.Confirmed ? dialog.Spec : null;
    }

    /// <inheritdoc />
    WorkerSpec? IDialogs.AskCommand()
    {
        CommandDialog dialog = new(_resolver);
        Show(dialog);
        return dialog.Confirmed ? dialog.Spec : null;
    }

    /// <inheritdoc />
    PoolRequest? IDialogs.AskPool()
    {
        PoolDialog dialog = new();
        Show(dialog);
        return dialog.Confirmed ? dialog.Request : null;
    }

    /// <inheritdoc />
    TimeSpan? IDialogs.AskJoinTimeout(string worker)
    {
        JoinTimeoutDialog dialog = new(worker);
        Show(dialog);
        return dialog.Confirmed ? dialog.Timeout : null;
    }

    /// <inheritdoc />
    bool IDialogs.Confirm(string title, string question, string yes)
    {
        ConfirmDialog confirm = new(title, question, yes);
        Show(confirm);
        return confirm.Confirmed;
    }

    /// <summary>o: the output back if another panel is in its place, else selected ↔ merged.</summary>
    private void ToggleOutput()
    {
        if (_place != OutputPlace.Output)
        {
            Place(OutputPlace.Output);
        }
        else
        {
            _output.ToggleMerged();
        }
    }

    /// <summary>/: asks what to find, then finds it in the output shown (the selected worker's or the merged), brought back first if another panel is in its place.</summary>
    private void Search()
    {
        SearchDialog dialog = new(_output.Query);
        Show(dialog);
        if (dialog.Confirmed)
        {
            Find(dialog.Query, forward: true);
        }
    }

    /// <summary>n / N: the next / previous match of the last search.</summary>
    private void SearchAgain(bool forward) => Find(null, forward);

    /// <summary>The output first (laid out, so that the match can be scrolled into view), then the search; what it found in the header too (the panel's title may be cut).</summary>
    private void Find(string? query, bool forward)
    {
        if (_place != OutputPlace.Output)
        {
            Place(OutputPlace.Output);
            App?.LayoutAndDraw();
        }

        string outcome = _output.Search(query, forward);
        _header.Say(outcome, error: outcome.Contains(": not found", StringComparison.Ordinal));
    }

    private void NextTheme()
    {
        if (_noColor)
        {
            _header.Say("NO_COLOR is set: colours stay off");
            return;
        }

        string next = _themes.Next(Terminal.Gui.Configuration.ThemeManager.Theme);
        if (!_themes.Apply(next))
        {
            _header.Say("no themes to switch to", error: true);
            return;
        }

        string? problem = new UserSettings(next).Save();
        _header.Say(problem ?? $"theme: {next}", error: problem is not null);
        App?.LayoutAndDraw(forceRedraw: true);
    }

    private void Show(Dialog dialog)
    {
        using (dialog)
        {
            App?.Run(dialog); // modal: returns when the dialog closes
        }

        if (_refreshAfterDialog)
        {
            RefreshAll();
        }
    }

    /// <summary>
    /// Runs at the start of the next turn of the main loop. Dialogs open this way, after the key that asked
    /// for them has been fully handled: run inside the key's own handler, a dialog would receive that key too.
    /// </summary>
    /// <remarks>
    /// Not in a timeout (app.AddTimeout): Terminal.Gui 2.5.0 runs timeouts holding its timer lock, and a
    /// dialog's nested Run loop would keep that lock for the dialog's whole life. Every other thread's
    /// app.Invoke waits on that lock: the panels stopped changing while a dialog was open, and a signal's
    /// handler blocked there (with <c>?</c> open, SIGHUP and SIGTERM were ignored until it closed). The
    /// loop's Iteration event is raised outside the lock. The empty timeout only wakes the loop (the pacer
    /// wakes on a timeout being added); the action runs in the Iteration after it.
    /// </remarks>
    private void Later(Action action)
    {
        if (App is { } app)
        {
            _later.Enqueue(action);
            app.AddTimeout(TimeSpan.Zero, static () => false);
        }
    }

    /// <summary>The Iteration handler: runs what <see cref="Later"/> put off; one at a time, as a dialog runs a nested loop.</summary>
    private void RunLater(object? sender, EventArgs e)
    {
        while (_later.TryDequeue(out Action? action))
        {
            action();
        }
    }

    private readonly Queue<Action> _later = new();

    /// <summary>Runs on the UI thread, unless the UI has already gone.</summary>
    private void OnUi(Action action)
    {
        try
        {
            App?.Invoke(action);
        }
        catch (NotInitializedException)
        {
            // The app ended first; nothing left to update.
        }
    }

}
