using System.Globalization;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;

namespace TuiProcManager.Tui.Controllers;

/// <summary>
/// What the keys that act on workers do: ask what is needed (<see cref="IDialogs"/>), send the supervisor a
/// command, and say its outcome (<see cref="IStatusLine"/>). Decisions about a worker's state are the
/// supervisor's; the <see cref="Dashboard"/> is read only for what the user sees (names, counts).
/// </summary>
/// <remarks>UI thread only. No Terminal.Gui type. Outcomes that are not decided at once (a join, a terminate)
/// come back through <c>onUi</c>, which runs an action on the UI thread (or drops it once the UI is gone).</remarks>
/// <param name="supervisor">Where the commands go.</param>
/// <param name="dialogs">The questions.</param>
/// <param name="status">Where outcomes are said.</param>
/// <param name="onUi">Runs an action on the UI thread.</param>
/// <param name="dashboard">What the panels show: workers' names, how many are alive.</param>
/// <param name="selected">The worker whose row is selected.</param>
internal sealed partial class WorkerActions(
    ISupervisor supervisor, IDialogs dialogs, IStatusLine status, Action<Action> onUi, Dashboard dashboard, Func<WorkerId?> selected)
{
    private readonly List<Action> _afterSpawns = []; // keys on the selection pressed while a spawn was unanswered
    private int _spawnsUnanswered;

    /// <summary>A worker was spawned from a dialog: the window selects it once its row appears (and <c>selected</c> gives it meanwhile).</summary>
    public Action<WorkerId>? Spawned { get; set; }

    /// <summary>A pool was started from the dialog: the window shows its panel.</summary>
    public Action<PoolId>? PoolStarted { get; set; }

    /// <summary>s, c: asks for the worker, then spawns it.</summary>
    public void SpawnWorker(WorkerKind kind)
    {
        if (dialogs.AskWorker(kind) is { } spec)
        {
            Spawn(spec);
        }
    }

    /// <summary>x: asks for a command, then runs it.</summary>
    public void RunCommand()
    {
        if (dialogs.AskCommand() is { } spec)
        {
            Spawn(spec);
        }
    }

    /// <summary>p: pauses the selected worker, or resumes it; the supervisor decides which.</summary>
    public void PauseOrResume() => OnSelected(id =>
        // Decided on the supervisor's own state: the table shows a pause only after the next state poll,
        // and a quick second p must resume.
        OnOutcome(supervisor.PauseOrResumeAsync(id), outcome => status.Say(
            outcome switch
            {
                PauseOutcome.Paused => $"paused {id} (SIGSTOP)",
                PauseOutcome.Resumed => $"resumed {id} (SIGCONT)",
                _ => $"worker {id} has ended",
            },
            error: outcome == PauseOutcome.Ended)));

    /// <summary>9 / F9: SIGKILL to the selected worker's group (<c>p.kill()</c>): nothing can catch it.</summary>
    public void Kill() => OnSelected(id =>
        OnOutcome(supervisor.KillAsync(id), sent => status.Say(sent ? $"killed {id} (SIGKILL)" : $"worker {id} has ended", error: !sent)));

    /// <summary>k: SIGTERM, then SIGKILL after the grace period (<c>p.terminate()</c>).</summary>
    public void Terminate() => OnSelected(id => SayWhenDone(supervisor.TerminateAsync(id), $"worker {id} terminated"));

    /// <summary>K: every live worker terminated.</summary>
    public void TerminateAll()
    {
        int alive = dashboard.Processes.Workers.Count(w => w.IsAlive);
        status.Say($"terminating {Plural.Of(alive, "worker")}");
        SayWhenDone(supervisor.TerminateAllAsync(), $"{Plural.Of(alive, "worker")} terminated");
    }

    /// <summary>w: parallel ↔ pause-on-wait, with the slots set so far.</summary>
    public void ToggleScheduling() =>
        // Decided by the supervisor on its own state, not the header's: that one lags a batch behind, and a
        // quick second w must switch back.
        OnOutcome(supervisor.ChangeSchedulingAsync(SchedulingChange.Toggle), now => status.Say(now.Mode == SchedulingMode.Parallel
            ? "parallel: every worker runs at once (queued ones continue)"
            : $"pause-on-wait, {SchedulingModel.SlotsText(now.Slots)}: when a worker waits, the next gets its slot (+/- slots)"),
            refused: "shutting down: the mode stays");

    /// <summary>+ and -: one run slot more or fewer, between 1 and <see cref="PauseOnWaitPolicy.MaxSlots"/>.</summary>
    public void MoveSlots(int delta) => OnOutcome(supervisor.ChangeSchedulingAsync(SchedulingChange.MoveSlots(delta)), now =>
    {
        if (!now.Changed)
        {
            status.Say($"already {SchedulingModel.SlotsText(now.Slots)}: the {(delta < 0 ? "fewest" : "most")}", error: true);
        }
        else
        {
            status.Say(now.Mode == SchedulingMode.PauseOnWait
                ? $"{SchedulingModel.SlotsText(now.Slots)}: at most {Plural.Of(now.Slots, "worker")} run at once"
                : $"{SchedulingModel.SlotsText(now.Slots)} for pause-on-wait (w switches to it); parallel mode has no slots");
        }
    }, refused: "shutting down: the mode stays");

    /// <summary>m: asks for a pool, then starts it.</summary>
    public void StartPool()
    {
        if (dialogs.AskPool() is not { } request)
        {
            return;
        }

        // The dialog checks the request first: a refusal is not expected, but said in one line if it comes.
        OnOutcome(supervisor.StartPoolAsync(request), id =>
        {
            status.Say($"pool {id}: {Plural.Of(request.Tasks.Length, "input")}, Pool({request.Size.ToString("N0", CultureInfo.InvariantCulture)}) · r: results");
            PoolStarted?.Invoke(id);
        }, refused: "shutting down: no new pools");
    }

    /// <summary>Every worker is being stopped (<see cref="StopAll"/>).</summary>
    public bool Stopping { get; private set; }

    /// <summary>
    /// q, Ctrl+C, a signal: stops every worker (SIGTERM, grace period, SIGKILL), asked first when workers are
    /// alive and <paramref name="ask"/>; a second request while stopping kills them at once.
    /// </summary>
    /// <returns>True when the stop began: <paramref name="stopped"/> runs on the UI thread once every worker has ended.</returns>
    public bool StopAll(bool ask, Action stopped)
    {
        if (Stopping)
        {
            _ = supervisor.KillAllAsync(); // a second request while stopping: no more grace
            return false;
        }

        int alive = dashboard.Processes.Workers.Count(w => w.IsAlive);
        if (ask && alive > 0 && (!dialogs.Confirm("Quit", $"{Plural.Of(alive, "worker")} still alive. Stop {(alive == 1 ? "it" : "them all")} and quit?", "Quit") || Stopping))
        {
            return false; // no; or a signal came while the question was open, and is stopping everything already
        }

        Stopping = true;
        status.Say(alive > 0 ? $"stopping {Plural.Of(alive, "worker")}…" : "quitting");
        supervisor.TerminateAllAsync().ContinueWith(_ => onUi(stopped), TaskScheduler.Default);
        return true;
    }

    private void Spawn(WorkerSpec spec)
    {
        _spawnsUnanswered++;
        OnOutcome(supervisor.SpawnAsync(spec), id =>
        {
            Spawned?.Invoke(id);
            status.Say($"spawned {id}: {spec.DisplayName}");
        }, refused: "shutting down: no new workers", answered: SpawnAnswered);
    }

    /// <summary>A spawn was answered, either way: the keys that waited for it act now, in the order pressed.</summary>
    private void SpawnAnswered()
    {
        if (--_spawnsUnanswered > 0)
        {
            return;
        }

        Action[] waiting = [.. _afterSpawns];
        _afterSpawns.Clear();
        foreach (Action act in waiting)
        {
            act();
        }
    }

    private void OnSelected(Action<WorkerId> action)
    {
        if (_spawnsUnanswered > 0)
        {
            // s, Enter, then k at once must stop the worker just spawned, as it does in process: in a session
            // the spawn's answer, and with it the new selection, comes a few milliseconds after the key.
            _afterSpawns.Add(() => OnSelected(action));
            return;
        }

        if (selected() is { } id)
        {
            action(id);
        }
        else
        {
            status.Say("no worker selected: spawn one with s, c or x");
        }
    }
}
