using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Views;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Controllers;
using TuiProcManager.Tui.Input;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Dialogs;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// What a key does: the ones that act on workers go to <see cref="WorkerActions"/> (which asks through the
/// dialogs here), the lab's to <see cref="SideColumn"/>; the rest change what the screen shows. Keys are
/// taken at the application level; quitting (q, Ctrl+C, a signal) ends here too.
/// </summary>
internal sealed partial class MainWindow : IDialogs
{
    /// <summary>Carries out <paramref name="action"/>: a key's meaning (<see cref="KeyTable"/>), or a click on the key bar.</summary>
    public void Act(UiAction action)
    {
        if (Replay is { } replay && ReplayAct(replay, action))
        {
            return;
        }

        if (Guest is { } guest && GuestAct(guest, action))
        {
            return;
        }

        switch (action)
        {
            case UiAction.SpawnSquare: AfterThisKey(() => _actions.SpawnWorker(WorkerKind.Square)); break;
            case UiAction.SpawnCube: AfterThisKey(() => _actions.SpawnWorker(WorkerKind.Cube)); break;
            case UiAction.RunCommand: AfterThisKey(_actions.RunCommand); break;
            case UiAction.PauseResume: _actions.PauseOrResume(); break;
            case UiAction.Join: _actions.Join(); break;
            case UiAction.JoinAll: _actions.JoinAll(); break;
            case UiAction.Terminate: _actions.Terminate(); break;
            case UiAction.TerminateAll: _actions.TerminateAll(); break;
            case UiAction.ToggleOutput: ToggleOutput(); break;
            case UiAction.Search: AfterThisKey(Search); break;
            case UiAction.SearchNext: SearchAgain(forward: true); break;
            case UiAction.SearchPrevious: SearchAgain(forward: false); break;
            case UiAction.NextTheme: NextTheme(); break;
            case UiAction.ToggleScheduling: _actions.ToggleScheduling(); break;
            case UiAction.MoreSlots: _actions.MoveSlots(+1); break;
            case UiAction.FewerSlots: _actions.MoveSlots(-1); break;
            case UiAction.ToggleSummary: ToggleSummary(); break;
            case UiAction.StartPool: AfterThisKey(_actions.StartPool); break;
            case UiAction.NextPlace: NextPlace(); break;
            case UiAction.Help: AfterThisKey(() => Show(new HelpDialog(_keys, _ascii, _header.MessageCutAt(_header.Frame.Width) ? _header.Message : null, replay: Replay is not null))); break;
            case UiAction.Quit: AfterThisKey(() => Stop(ask: true, exitCode: 0)); break;
            case UiAction.Detach: Detach(); break;
            case UiAction.Interrupt: Interrupted(); break;
            case UiAction.Kill: _actions.Kill(); break;
            case UiAction.JoinWithTimeout: AfterThisKey(_actions.JoinWithTimeout); break;
            case UiAction.ToggleExplain: SayIfNoRoom(_side.ToggleExplain()); break;
            case UiAction.ToggleLab: SayIfNoRoom(_side.ToggleLab()); break;
            case UiAction.Hint: _side.Hint(); break;
            case UiAction.Answer: AfterThisKey(() => _side.Answer(Show)); break;
            case UiAction.ExportReport: _side.ExportReport(); break;
            case UiAction.ToggleSplitWorker: ToggleSplitWorker(); break;
            case UiAction.ToggleSplitLayout: ToggleSplitLayout(); break;
            case UiAction.CycleOutputFilter: CycleOutputFilter(); break;
            case UiAction.ToggleTimestamps: ToggleTimestamps(); break;
            case UiAction.SelectOutput: SelectOutput(); break;
            case UiAction.CopyOutput: CopyWholeOutput(); break;
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
        PoolDialog dialog = new(_machine);
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
    private void AfterThisKey(Action action)
    {
        if (App is { } app)
        {
            _afterThisKey.Enqueue(action);
            app.AddTimeout(TimeSpan.Zero, static () => false);
        }
    }

    /// <summary>The Iteration handler: runs what <see cref="AfterThisKey"/> put off; one at a time, as a dialog runs a nested loop.</summary>
    private void RunAfterThisKey(object? sender, EventArgs e)
    {
        while (_afterThisKey.TryDequeue(out Action? action))
        {
            action();
        }
    }

    private readonly Queue<Action> _afterThisKey = new();

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

    /// <summary>
    /// Our keys are taken at the application level, before the focused view: only there are plain letters
    /// sure to arrive (a label's or button's underscore hotkey would otherwise win, see the Terminal.Gui
    /// notes). Only while this window is on top: keys typed into a dialog belong to the dialog.
    /// </summary>
    private void HookKeys()
    {
        if (App is { } app)
        {
            app.Keyboard.KeyDown += OnKeyDown;
            app.Iteration += RunAfterThisKey;
            TickReplayClock(app);
        }
    }

    private void UnhookKeys()
    {
        if (App is { } app)
        {
            app.Keyboard.KeyDown -= OnKeyDown;
            app.Iteration -= RunAfterThisKey;
        }
    }

    private void OnKeyDown(object? sender, Key key)
    {
        if (key.Handled)
        {
            return;
        }

        if (key == Key.C.WithCtrl)
        {
            key.Handled = true; // the terminal's interrupt: the same in a dialog as here (a text field would copy)
            Act(UiAction.Interrupt);
            return;
        }

        if (App?.TopRunnableView != this)
        {
            return;
        }

        if (OutputSelectionTakes(key))
        {
            key.Handled = true; // an open selection's keys come first: Esc cancels it, arrows move it
            return;
        }

        if (key == Application.GetDefaultKey(Command.Quit) && Guest is { EscLeaves: true })
        {
            key.Handled = true; // the class view's spectator: Esc goes back to the class
            AfterThisKey(DetachNow);
            return;
        }

        if (key == Application.GetDefaultKey(Command.Quit))
        {
            // Esc closes a dialog; here, where there is none, it does nothing: one Esc too many must not
            // end the session (the quit command itself is caught in OnIsRunningChanging).
            key.Handled = true;
            _header.Say($"Esc closes a dialog; {KeyFor(UiAction.Quit) ?? "Ctrl+C"} quits");
            return;
        }

        UiAction action = _keys.Map(key);
        if (action == UiAction.None || (KeyActions.IsReplay(action) && Replay is null))
        {
            return; // the player's keys (arrows, Home, End) move in the panels when nothing is replayed
        }

        key.Handled = true;
        Act(action);
    }

    /// <summary>Exit code the window ended with: 0 after q, 130 after Ctrl+C.</summary>
    public int ExitCode { get; private set; }

    /// <summary>
    /// Stops every worker (SIGTERM, grace period, SIGKILL) and then the UI. Asked first when workers are
    /// alive and <paramref name="ask"/>; a second request while stopping kills them at once.
    /// </summary>
    public void Stop(bool ask, int exitCode)
    {
        if (_actions.StopAll(ask && App is not null, () => App?.RequestStop(this)))
        {
            ExitCode = exitCode;
        }
    }

    /// <summary>
    /// Ctrl+C, in a dialog too: the terminal's interrupt. Taken the signals' way (<see cref="Interrupt"/>)
    /// when the host gives one, so that its watchdog covers it; otherwise stops at once (exit code 130).
    /// </summary>
    public Action? Interrupt { get; set; }

    /// <summary>
    /// A signal's way out (UI thread): every dialog open is closed, then every worker is stopped without a
    /// question and the UI ends with <paramref name="exitCode"/>. Once; later calls do nothing.
    /// </summary>
    public void StopNow(int exitCode)
    {
        if (_stoppingNow)
        {
            return;
        }

        if (Replay is not null)
        {
            ExitCode = exitCode;
            DetachNow(); // a recording: there is nothing to stop
            return;
        }

        _stoppingNow = true;
        CloseDialogs();
        if (!_actions.Stopping)
        {
            Stop(ask: false, exitCode);
        }
    }

    private bool _stoppingNow;

    /// <summary>The session this UI is attached to (shown in the header); null when the workers are the UI's own.</summary>
    public string? SessionName
    {
        get => _sessionName;
        set
        {
            _sessionName = value;
            ShowSessionName();
        }
    }

    private string? _sessionName;

    private void ShowSessionName()
    {
        string? shown = _replay is not null ? $"{_sessionName} {_replay.Status}"
            : _guest is null ? _sessionName : $"{_sessionName} ({(_guest.ReadOnly ? "read-only" : "control")})";
        if (shown != _header.Session)
        {
            _header.Session = shown; // a replay's clock is asked 4 times a second: the header is redrawn only when it moved
        }
    }

    /// <summary>The UI ended by detaching: the session and its workers go on.</summary>
    public bool Detached { get; private set; }

    /// <summary>
    /// Leaves the session as it is and ends the UI (d, or a terminal that hung up): every dialog is closed,
    /// no worker is touched. Once; nothing after a stop has begun.
    /// </summary>
    public void DetachNow()
    {
        if (_stoppingNow || _actions.Stopping || SessionName is null)
        {
            return;
        }

        _stoppingNow = true;
        Detached = true;
        CloseDialogs();
        App?.RequestStop(this);
    }

    /// <summary>
    /// The session ended while this UI was attached (another client ended it, or its linger ran out): its
    /// workers are stopped already; the UI says so and ends. Once; nothing after a stop or a detach has begun.
    /// </summary>
    public void SessionEnded()
    {
        if (_stoppingNow || _actions.Stopping)
        {
            return;
        }

        _stoppingNow = true;
        _header.Say($"session {SessionName} ended");
        CloseDialogs();
        App?.RequestStop(this);
    }

    private void Detach()
    {
        if (SessionName is null)
        {
            _header.Say("d detaches from a session; this UI's workers are its own, so there is none to leave running (q quits)");
            return;
        }

        AfterThisKey(DetachNow);
    }

    /// <summary>Asks every dialog above this window to close; their Run loops return, innermost first.</summary>
    private void CloseDialogs()
    {
        if (App is not { SessionStack: { } sessions } app)
        {
            return;
        }

        foreach (SessionToken session in sessions)
        {
            if (session.Runnable is { } runnable && !ReferenceEquals(runnable, this))
            {
                app.RequestStop(runnable);
            }
        }
    }

    /// <summary>Ctrl+C: the signals' way out when the host has one, else a stop without a question (exit code 130).</summary>
    private void Interrupted()
    {
        if (Interrupt is { } raise)
        {
            raise();
        }
        else
        {
            StopNow(130);
        }
    }
}
