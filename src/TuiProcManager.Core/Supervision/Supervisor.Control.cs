using System.Globalization;
using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

public sealed partial class Supervisor
{
    /// <summary>Pauses the worker and its process group (SIGSTOP).</summary>
    /// <returns>False when it has already ended.</returns>
    public bool Pause(WorkerId worker)
    {
        lock (_gate)
        {
            WorkerRecord w = _workers.Record(worker);
            if (!WhenLaunched(w, () => Pause(worker)))
            {
                return w.IsAlive;
            }

            if (!_signals.SendToGroup(w, ProcessSignal.Stop, "pause"))
            {
                return false;
            }

            _slotScheduler.Unschedule(w, "paused by the user");
            w.PausedByUser = true;
            _pace.RequestPoll();
            return true;
        }
    }

    /// <summary>Resumes a paused worker and its process group (SIGCONT); in pause-on-wait mode it rejoins the queue for a slot instead.</summary>
    /// <returns>False when it has already ended.</returns>
    public bool Resume(WorkerId worker)
    {
        lock (_gate)
        {
            WorkerRecord w = _workers.Record(worker);
            if (!WhenLaunched(w, () => Resume(worker)))
            {
                return w.IsAlive;
            }

            if (_slotScheduler.Mode == SchedulingMode.PauseOnWait && w.IsAlive && !w.Terminating && !_slotScheduler.Governs(w))
            {
                // Pause-on-wait: the worker joins the scheduler again, and runs only with a slot (the
                // decision carries the SIGCONT, or keeps it stopped in the queue).
                w.PausedByUser = false;
                _slotScheduler.Admit(w, "resumed by the user", stopped: true);
                _pace.RequestPoll();
                return true;
            }

            if (!_signals.SendToGroup(w, ProcessSignal.Continue, "resume"))
            {
                return false;
            }

            w.PausedByUser = false;
            _pace.RequestPoll();
            return true;
        }
    }

    /// <inheritdoc />
    public Task<WorkerExit> TerminateAsync(WorkerId worker, TimeSpan? gracePeriod = null)
    {
        TimeSpan grace = gracePeriod ?? _options.GracePeriod;
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero, nameof(gracePeriod));
        lock (_gate)
        {
            WorkerRecord w = _workers.Record(worker);
            if (!WhenLaunched(w, () => TerminateAsync(worker, grace)))
            {
                return w.Ended.Task;
            }

            if (w.IsAlive && !w.Terminating && _signals.SendToGroup(w, ProcessSignal.Terminate, "terminate"))
            {
                w.Terminating = true;
                _slotScheduler.Unschedule(w, "terminating");

                // A stopped process keeps a SIGTERM pending until it is continued: without this SIGCONT a
                // paused worker would survive until the grace period ran out. Harmless for a running one.
                _signals.SendToGroup(w, ProcessSignal.Continue, "terminate: let a paused worker receive SIGTERM", SignalCause.FollowUp);
                w.PausedByUser = false;
                _signals.ScheduleEscalation(w, grace);
            }

            return w.Ended.Task;
        }
    }

    /// <summary>Kills the worker's process group at once (SIGKILL).</summary>
    /// <returns>False when it has already ended.</returns>
    public bool Kill(WorkerId worker)
    {
        lock (_gate)
        {
            WorkerRecord w = _workers.Record(worker);
            if (!WhenLaunched(w, () => Kill(worker)))
            {
                return w.IsAlive;
            }

            if (!_signals.SendToGroup(w, ProcessSignal.Kill, "kill"))
            {
                return false;
            }

            _slotScheduler.Unschedule(w, "killed");
            return true;
        }
    }

    /// <inheritdoc />
    public async Task<int> TerminateAllAsync(TimeSpan? gracePeriod = null)
    {
        List<WorkerId> live;
        lock (_gate)
        {
            _pools.StopPools(); // no replacements for the workers about to end
            live = [.. _workers.Where(w => w.IsAlive).Select(w => w.Id)]; // those being started too
        }

        await Task.WhenAll(live.Select(id => TerminateAsync(id, gracePeriod))).ConfigureAwait(false);
        return live.Count;
    }
}
