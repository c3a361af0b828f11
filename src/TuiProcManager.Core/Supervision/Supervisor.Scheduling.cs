using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

/// <summary>Pause-on-wait scheduling: the <see cref="PauseOnWaitPolicy"/> fed from the state polls, its decisions carried out with signals.</summary>
/// <remarks>
/// <para>
/// Everything here runs under the gate, so a decision and the signal that carries it out are one step:
/// no other thread can see a worker queued but not yet stopped.
/// </para>
/// <para>
/// The race this mode lives with: a waiting worker that wakes up runs, even with every slot taken, until
/// a poll sees it running and stops it. While the mode is on, the workers that could wake (governed and
/// not queued) are read every <see cref="SupervisorOptions.WakePollInterval"/>, and each such wake-up
/// reports how long it may have gone unnoticed (<see cref="WorkerScheduled.NoticedWithin"/>).
/// </para>
/// </remarks>
public sealed partial class Supervisor
{
    private readonly List<SlotDecision> _decisions = []; // reused; under the gate
    private PauseOnWaitPolicy? _policy; // null in parallel mode
    private int _slots = 1;

    /// <summary>The scheduling mode and run slots now. For the supervisor's own tests: clients fold the events instead.</summary>
    public (SchedulingMode Mode, int Slots) Scheduling
    {
        get
        {
            lock (_gate)
            {
                return (_policy is null ? SchedulingMode.Parallel : SchedulingMode.PauseOnWait, _slots);
            }
        }
    }

    /// <summary>Switches the scheduling mode and slots, live (see <see cref="ISupervisor.ChangeSchedulingAsync"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slots"/> is below 1.</exception>
    /// <exception cref="ObjectDisposedException">The supervisor is shutting down.</exception>
    public void SetScheduling(SchedulingMode mode, int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (mode == SchedulingMode.PauseOnWait && _policy is null)
            {
                _policy = new PauseOnWaitPolicy(slots);
                foreach (WorkerRecord w in _workers.Live.Where(w => !w.PausedByUser && !w.Terminating))
                {
                    if (w.State is WorkerState.Waiting or WorkerState.Paused)
                    {
                        _policy.AddWaiting(w.Id);
                    }
                    else
                    {
                        _policy.Admit(w.Id, "pause-on-wait switched on", stopped: false, _decisions);
                    }
                }
            }
            else if (mode == SchedulingMode.PauseOnWait)
            {
                _policy!.SetSlots(slots, _decisions);
            }
            else
            {
                _policy?.ForgetAll("parallel mode: every worker runs", _decisions);
            }

            Carry();
            _policy = mode == SchedulingMode.PauseOnWait ? _policy : null;
            _slots = slots;
            _events.Publish(new SchedulingChanged(_events.NextSequence(), Now, mode, slots));
            StartStatePolling(restart: true); // wake polls start (or stop) now, not at the next slow tick
        }
    }

    /// <summary>A worker that wants to run, in pause-on-wait mode: it gets a slot or is queued. Caller holds the gate.</summary>
    private void Admit(WorkerRecord w, string cause, bool stopped)
    {
        if (_policy is not null && w.IsAlive && !w.Terminating)
        {
            _policy.Admit(w.Id, cause, stopped, _decisions);
            Carry();
        }
    }

    /// <summary>The scheduler lets go of a worker (ended, paused by the user, terminating, killed). Caller holds the gate.</summary>
    private void Unschedule(WorkerRecord w, string why)
    {
        if (_policy is not null)
        {
            _policy.Forget(w.Id, why, _decisions);
            Carry();
        }

        w.QueuedByScheduler = false;
    }

    /// <summary>Feeds a state read from the OS to the scheduler. Caller holds the gate.</summary>
    private void ObserveForScheduling(WorkerRecord w, WorkerState state, DateTimeOffset readAt)
    {
        if (_policy is null || readAt <= w.LastSchedulerSignalAt)
        {
            // Read before (or, on a virtual clock, at) our last SIGSTOP/SIGCONT to it: a worker just given a
            // slot would look stopped, and lose the slot as "stopped from outside".
            return;
        }

        TimeSpan? noticedWithin = state == WorkerState.Running && w.LastWaitingReadAt is { } waitingAt ? readAt - waitingAt : null;
        w.LastWaitingReadAt = state == WorkerState.Waiting ? readAt : null;
        _policy.Observe(w.Id, state, _decisions);
        Carry(w.Id, noticedWithin);
    }

    /// <summary>Carries out and publishes the policy's decisions. Caller holds the gate.</summary>
    private void Carry(WorkerId? woke = null, TimeSpan? noticedWithin = null)
    {
        foreach (SlotDecision d in _decisions)
        {
            WorkerRecord w = _workers.Record(d.Worker);
            switch (d.Change)
            {
                case SlotChange.Queued:
                    w.QueuedByScheduler = true;
                    w.PendingNote = (WorkerState.Paused, d.Why);
                    if (d.Signal)
                    {
                        w.LastSchedulerSignalAt = Now;
                        _signals.SendToGroup(w, ProcessSignal.Stop, "pause-on-wait: " + d.Why, SignalCause.Scheduler);
                    }

                    break;
                case SlotChange.Granted:
                    w.QueuedByScheduler = false;
                    w.PendingNote = (WorkerState.Running, d.Why);
                    if (d.Signal)
                    {
                        w.LastSchedulerSignalAt = Now;
                        _signals.SendToGroup(w, ProcessSignal.Continue, "pause-on-wait: " + d.Why, SignalCause.Scheduler);
                    }

                    break;
                case SlotChange.Released:
                    w.PendingNote = (WorkerState.Waiting, d.Why);
                    break;
                default:
                    w.QueuedByScheduler = false;
                    w.PendingNote = null;
                    if (d.Signal)
                    {
                        _signals.SendToGroup(w, ProcessSignal.Continue, d.Why, SignalCause.Scheduler);
                    }

                    break;
            }

            _events.Publish(new WorkerScheduled(
                _events.NextSequence(), Now, d.Worker, d.Change, d.Why, _policy?.Holders.Count ?? 0, _policy?.Queue.Count ?? 0,
                d.Worker == woke ? noticedWithin : null));
        }

        _decisions.Clear();
    }

    /// <summary>Workers a wake poll reads: the governed ones that are not stopped in the queue. Caller holds the gate.</summary>
    private bool MayWake(WorkerRecord w) => _policy is { } p && p.Governs(w.Id) && !p.IsQueued(w.Id);
}
