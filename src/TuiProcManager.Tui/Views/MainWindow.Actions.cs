using Terminal.Gui.App;
using Terminal.Gui.Views;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Input;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Dialogs;

namespace TuiProcManager.Tui.Views;

internal sealed partial class MainWindow
{
    private Task<bool>? _joinAll;
    private int _joinAllCount; // workers the join-all in flight waits for
    /// <summary>Carries out <paramref name="action"/> on the selected worker or all of them.</summary>
    public void Do(UiAction action)
    {
        switch (action)
        {
            case UiAction.SpawnSquare: Later(() => Spawn(WorkerKind.Square)); break;
            case UiAction.SpawnCube: Later(() => Spawn(WorkerKind.Cube)); break;
            case UiAction.RunCommand: Later(RunCommand); break;
            case UiAction.PauseResume: PauseResume(); break;
            case UiAction.Join: Join(); break;
            case UiAction.JoinAll: JoinAll(); break;
            case UiAction.Terminate: OnSelected(id => Watch(_supervisor.TerminateAsync(id), $"worker {id} terminated")); break;
            case UiAction.TerminateAll: TerminateAll(); break;
            case UiAction.ToggleOutput: ToggleOutput(); break;
            case UiAction.Search: Later(Search); break;
            case UiAction.SearchNext: SearchAgain(forward: true); break;
            case UiAction.SearchPrevious: SearchAgain(forward: false); break;
            case UiAction.NextTheme: NextTheme(); break;
            case UiAction.ToggleScheduling: ToggleScheduling(); break;
            case UiAction.MoreSlots: ChangeSlots(+1); break;
            case UiAction.FewerSlots: ChangeSlots(-1); break;
            case UiAction.ToggleSummary: ToggleSummary(); break;
            case UiAction.StartPool: Later(StartPool); break;
            case UiAction.NextPlace: NextPlace(); break;
            case UiAction.Help: Later(() => Show(new HelpDialog(_ascii, _header.MessageCutAt(_header.Frame.Width) ? _header.Message : null))); break;
            case UiAction.Quit: Later(() => Stop(ask: true, exitCode: 0)); break;
            case UiAction.Interrupt: Interrupted(); break;
            case UiAction.Kill: Kill(); break;
            case UiAction.JoinWithTimeout: Later(JoinWithTimeout); break;
            case UiAction.ToggleExplain: ToggleExplain(); break;
            case UiAction.ToggleLab: ToggleLab(); break;
            case UiAction.Hint: Hint(); break;
            case UiAction.Answer: Later(Answer); break;
            case UiAction.ExportReport: ExportReport(); break;
            default: break;
        }
    }

    private void Spawn(WorkerKind kind)
    {
        SpawnDialog dialog = new(kind);
        Show(dialog);
        if (dialog.Confirmed && dialog.Spec is { } spec)
        {
            SpawnAndSelect(spec);
        }
    }

    private void RunCommand()
    {
        CommandDialog dialog = new(_resolver);
        Show(dialog);
        if (dialog.Confirmed && dialog.Spec is { } spec)
        {
            SpawnAndSelect(spec);
        }
    }

    private void SpawnAndSelect(WorkerSpec spec)
    {
        OnOutcome(_supervisor.SpawnAsync(spec), id =>
        {
            _pendingSelection = id;
            _header.Say($"spawned {id}: {spec.DisplayName}");
        }, refused: "shutting down: no new workers");
    }

    private void PauseResume() => OnSelected(id =>
    {
        // The supervisor decides pause or resume from its own state: the table shows a pause only after the
        // next state poll, and a quick second p must resume.
        OnOutcome(_supervisor.PauseOrResumeAsync(id), outcome => _header.Say(
            outcome switch
            {
                PauseOutcome.Paused => $"paused {id} (SIGSTOP)",
                PauseOutcome.Resumed => $"resumed {id} (SIGCONT)",
                _ => $"worker {id} has ended",
            },
            error: outcome == PauseOutcome.Ended));
    });

    /// <summary>9 / F9: SIGKILL to the selected worker's group (<c>p.kill()</c>): nothing can catch it.</summary>
    private void Kill() => OnSelected(id =>
    {
        OnOutcome(_supervisor.KillAsync(id), sent => _header.Say(sent ? $"killed {id} (SIGKILL)" : $"worker {id} has ended", error: !sent));
    });

    /// <summary>T: <c>p.join(timeout)</c> — waits at most the time asked for; the worker runs on if it has not ended.</summary>
    private void JoinWithTimeout() => OnSelected(id =>
    {
        JoinTimeoutDialog dialog = new(_dashboard.Name(id));
        Show(dialog);
        if (!dialog.Confirmed)
        {
            return;
        }

        string seconds = dialog.Timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        _header.Say($"joining {id} for at most {seconds} s…");
        _supervisor.JoinAsync(id, dialog.Timeout).ContinueWith(
            t => OnUi(() => _header.Say(
                !t.IsCompletedSuccessfully ? $"join of {id}: {t.Exception?.InnerException?.Message}"
                : t.Result is { } exit ? $"joined {id}: {exit}"
                : $"join of {id} gave up after {seconds} s: it still runs (p.join({seconds}) returned, p.is_alive() is True)",
                error: !t.IsCompletedSuccessfully)),
            TaskScheduler.Default);
    });

    private void Join() => OnSelected(id =>
    {
        _header.Say($"joining {id}…");
        Watch(_supervisor.JoinAsync(id), $"joined {id}");
    });

    private void JoinAll()
    {
        if (_joinAll is { IsCompleted: false })
        {
            return;
        }

        _joinAllCount = _dashboard.Processes.Workers.Count;
        _joinAll = _supervisor.JoinAllAsync();
        UpdateJoinStatus();
        _joinAll.ContinueWith(t => OnUi(() =>
        {
            if (!t.IsCompletedSuccessfully)
            {
                _header.Say($"join of every worker: {t.Exception?.InnerException?.Message ?? "cancelled"}", error: true);
            }

            UpdateJoinStatus();
        }), TaskScheduler.Default);
    }

    /// <summary>
    /// The header's join status, true of this moment: "joining N…" while J's join waits; Done! (the lesson's
    /// last line) while every worker the panels know has ended and been joined (by J, or j on each), so a
    /// worker spawned after it takes Done! away until it too is joined; otherwise nothing.
    /// </summary>
    /// <remarks>
    /// Done! waits for the panels, not for the join's task: the join completes as the supervisor records
    /// an end, and the end and the last lines reach the panels a batch later.
    /// </remarks>
    private void UpdateJoinStatus()
    {
        IReadOnlyList<Models.WorkerRow> workers = _dashboard.Processes.Workers;
        string? status = _joinAll is { IsCompleted: false } ? $"joining {_joinAllCount}…"
            : workers.Count > 0 && workers.All(w => w.Joined && !w.IsAlive) ? "Done!"
            : null;
        if (status != _header.Join)
        {
            _header.Join = status;
            _header.SetNeedsDraw();
        }
    }

    private void TerminateAll()
    {
        int alive = _dashboard.Processes.Workers.Count(w => w.IsAlive);
        _header.Say($"terminating {Plural.Of(alive, "worker")}");
        Watch(_supervisor.TerminateAllAsync(), $"{Plural.Of(alive, "worker")} terminated");
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

    private void OnSelected(Action<WorkerId> action)
    {
        if (Selected is { } id)
        {
            action(id);
        }
        else
        {
            _header.Say("no worker selected: spawn one with s, c or x");
        }
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
    /// Acts on a command's outcome on the UI thread: at once when it is decided already (the supervisor in this
    /// process decides under its lock before returning), else when it comes. A refusal (shutting down) or a
    /// bad request is said in the header.
    /// </summary>
    private void OnOutcome<T>(Task<T> outcome, Action<T> then, string? refused = null)
    {
        if (outcome.IsCompleted)
        {
            Take(outcome);
            return;
        }

        outcome.ContinueWith(t => OnUi(() => Take(t)), TaskScheduler.Default);

        void Take(Task<T> t)
        {
            if (t.IsCompletedSuccessfully)
            {
                then(t.Result);
            }
            else
            {
                Exception? e = t.Exception?.InnerException;
                _header.Say(e is ObjectDisposedException && refused is not null ? refused : $"refused: {UserMessage(e)}", error: true);
            }
        }
    }

    /// <summary>An exception's message without .NET's " (Parameter 'x')" tail.</summary>
    private static string UserMessage(Exception? e) => e is ArgumentException { ParamName: { } name } a
        ? a.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
        : e?.Message ?? "cancelled";

    /// <summary>Reports the end of an asynchronous action in the header (never blocks the UI).</summary>
    private void Watch(Task task, string done) =>
        task.ContinueWith(t => OnUi(() => _header.Say(t.IsCompletedSuccessfully ? done : $"{done}: {t.Exception?.InnerException?.Message}", !t.IsCompletedSuccessfully)), TaskScheduler.Default);

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

    /// <summary>A worker just spawned from a dialog: selected as soon as its row appears.</summary>
    private WorkerId? _pendingSelection;
}
