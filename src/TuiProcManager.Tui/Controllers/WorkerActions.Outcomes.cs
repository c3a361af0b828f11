using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;

namespace TuiProcManager.Tui.Controllers;

/// <summary>Joins, and how a command's outcome reaches the status line.</summary>
internal sealed partial class WorkerActions
{
    private Task<bool>? _joinAll;
    private int _joinAllCount; // workers the join-all in flight waits for

    /// <summary>The join status changed (a join-all started or ended): the window redraws the header's.</summary>
    public Action? JoinStatusChanged { get; set; }

    /// <summary>j: <c>p.join()</c> of the selected worker.</summary>
    public void Join() => OnSelected(id =>
    {
        status.Say($"joining {id}…");
        SayWhenDone(supervisor.JoinAsync(id), $"joined {id}");
    });

    /// <summary>T: <c>p.join(timeout)</c> — waits at most the time asked for; the worker runs on if it has not ended.</summary>
    public void JoinWithTimeout() => OnSelected(id =>
    {
        if (dialogs.AskJoinTimeout(dashboard.Name(id)) is not { } timeout)
        {
            return;
        }

        string seconds = timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        status.Say($"joining {id} for at most {seconds} s…");
        OnOutcome(supervisor.JoinAsync(id, timeout), exit => status.Say(exit is not null
            ? $"joined {id}: {exit}"
            : $"join of {id} gave up after {seconds} s: it still runs (p.join({seconds}) returned, p.is_alive() is True)"));
    });

    /// <summary>J: every worker joined, in one wait; a second J while it waits does nothing.</summary>
    public void JoinAll()
    {
        if (_joinAll is { IsCompleted: false })
        {
            return;
        }

        _joinAllCount = dashboard.Processes.Workers.Count;
        _joinAll = supervisor.JoinAllAsync();
        JoinStatusChanged?.Invoke();
        _joinAll.ContinueWith(t => onUi(() =>
        {
            if (!t.IsCompletedSuccessfully)
            {
                status.Say($"join of every worker: {t.Exception?.InnerException?.Message ?? "cancelled"}", error: true);
            }

            JoinStatusChanged?.Invoke();
        }), TaskScheduler.Default);
    }

    /// <summary>
    /// The header's join status, true of this moment: "joining N…" while J's join waits; Done! (the lesson's
    /// last line) while every worker the panels know has ended and been joined (by J, or j on each), so a
    /// worker spawned after it takes Done! away until it too is joined; otherwise null.
    /// </summary>
    /// <remarks>
    /// Done! waits for the panels, not for the join's task: the join completes as the supervisor records
    /// an end, and the end and the last lines reach the panels a batch later.
    /// </remarks>
    public string? JoinStatus
    {
        get
        {
            IReadOnlyList<WorkerRow> workers = dashboard.Processes.Workers;
            return _joinAll is { IsCompleted: false } ? $"joining {_joinAllCount}…"
                : workers.Count > 0 && workers.All(w => w.Joined && !w.IsAlive) ? "Done!"
                : null;
        }
    }

    /// <summary>
    /// Acts on a command's outcome on the UI thread: at once when it is decided already (the supervisor in this
    /// process decides under its lock before returning), else when it comes. A refusal (shutting down) or a
    /// bad request is said. <paramref name="answered"/> runs after, whatever the outcome.
    /// </summary>
    private void OnOutcome<T>(Task<T> outcome, Action<T> then, string? refused = null, Action? answered = null)
    {
        if (outcome.IsCompleted)
        {
            Take(outcome);
            return;
        }

        outcome.ContinueWith(t => onUi(() => Take(t)), TaskScheduler.Default);

        void Take(Task<T> t)
        {
            try
            {
                if (t.IsCompletedSuccessfully)
                {
                    then(t.Result);
                    return;
                }

                Exception? e = t.Exception?.InnerException;
                status.Say(e is ObjectDisposedException && refused is not null ? refused : $"refused: {UserMessage(e)}", error: true);
            }
            finally
            {
                answered?.Invoke();
            }
        }
    }

    /// <summary>Says <paramref name="done"/> when <paramref name="task"/> completes, or why it failed (never blocks the UI).</summary>
    private void SayWhenDone(Task task, string done) =>
        task.ContinueWith(t => onUi(() => status.Say(t.IsCompletedSuccessfully ? done : $"{done}: {UserMessage(t.Exception?.InnerException)}", !t.IsCompletedSuccessfully)), TaskScheduler.Default);

    /// <summary>An exception's message without .NET's " (Parameter 'x')" tail.</summary>
    private static string UserMessage(Exception? e) => e is ArgumentException { ParamName: { } name } a
        ? a.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
        : e?.Message ?? "cancelled";
}
