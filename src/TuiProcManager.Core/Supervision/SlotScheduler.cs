using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

/// <summary>
/// The scheduling mode and run slots: in pause-on-wait mode the <see cref="PauseOnWaitPolicy"/>, fed with the
/// workers that want to run and the states the polls read, its decisions carried out with signals.
/// </summary>
/// <remarks>
/// <para>
/// Called with the supervisor's gate held: on a caller's thread (a mode switch, a pause, a resume, a kill),
/// the launch thread (a worker that starts), the clock thread (a state read), or whichever thread ends a
/// worker. A decision and the signal that carries it out are one step under the gate: no other thread can
/// see a worker queued but not yet stopped.
/// </para>
/// <para>
/// The race this mode lives with: a waiting worker that wakes up runs, even with every slot taken, until a
/// poll sees it running and stops it. While the mode is on, the workers that could wake (<see cref="MayWake"/>)
/// are read every <see cref="SupervisorOptions.WakePollInterval"/>, and each such wake-up reports how long it
/// may have gone unnoticed (<see cref="WorkerScheduled.NoticedWithin"/>).
/// </para>
/// </remarks>
internal sealed class SlotScheduler(WorkerTable workers, SignalSender signals, EventPublisher events)
{
    private readonly List<SlotDecision> _decisions = []; // reused: filled by the policy, emptied by CarryOutDecisions
    private PauseOnWaitPolicy? _policy; // null in parallel mode

    /// <summary>The policy in effect: null in parallel mode.</summary>
    public PauseOnWaitPolicy? Policy => _policy;

    /// <summary>The mode now.</summary>
    public SchedulingMode Mode => _policy is null ? SchedulingMode.Parallel : SchedulingMode.PauseOnWait;

    /// <summary>The run slots now (kept in parallel mode too, for the next switch).</summary>
    public int Slots { get; private set; } = 1;

    /// <summary>Whether the pause-on-wait policy governs <paramref name="w"/> (it holds a slot or waits in the queue).</summary>
    public bool Governs(WorkerRecord w) => _policy is { } p && p.Governs(w.Id);

    /// <summary>Workers a wake poll reads: the governed ones that are not stopped in the queue.</summary>
    public bool MayWake(WorkerRecord w) => _policy is { } p && p.Governs(w.Id) && !p.IsQueued(w.Id);

    /// <summary>Switches the mode and slots, taking over the live workers or letting them go, and publishes it.</summary>
    public void SetScheduling(SchedulingMode mode, int slots)
    {
        if (mode == SchedulingMode.PauseOnWait && _policy is null)
        {
            _policy = new PauseOnWaitPolicy(slots);
            foreach (WorkerRecord w in workers.Live.Where(w => !w.PausedByUser && !w.Terminating))
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

        CarryOutDecisions();
        _policy = mode == SchedulingMode.PauseOnWait ? _policy : null;
        Slots = slots;
        events.Publish(new SchedulingChanged(events.NextSequence(), events.Now, mode, slots));
    }

    /// <summary>A worker that wants to run, in pause-on-wait mode: it gets a slot or is queued.</summary>
    public void Admit(WorkerRecord w, string cause, bool stopped)
    {
        if (_policy is not null && w.IsAlive && !w.Terminating)
        {
            _policy.Admit(w.Id, cause, stopped, _decisions);
            CarryOutDecisions();
        }
    }

    /// <summary>The scheduler lets go of a worker (ended, paused by the user, terminating, killed).</summary>
    public void Unschedule(WorkerRecord w, string why)
    {
        if (_policy is not null)
        {
            _policy.Forget(w.Id, why, _decisions);
            CarryOutDecisions();
        }

        w.QueuedByScheduler = false;
    }

    /// <summary>Feeds a state read from the OS at <paramref name="readAt"/> to the policy.</summary>
    public void ObserveForScheduling(WorkerRecord w, WorkerState state, DateTimeOffset readAt)
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
        CarryOutDecisions(w.Id, noticedWithin);
    }

    /// <summary>Carries out the policy's decisions with signals, publishes them, and empties the list.</summary>
    /// <param name="woke">The worker whose reading led to the decisions, if a reading did.</param>
    /// <param name="noticedWithin">How long its wake-up may have gone unnoticed.</param>
    private void CarryOutDecisions(WorkerId? woke = null, TimeSpan? noticedWithin = null)
    {
        foreach (SlotDecision d in _decisions)
        {
            WorkerRecord w = workers.Record(d.Worker);
            switch (d.Change)
            {
                case SlotChange.Queued:
                    w.QueuedByScheduler = true;
                    w.PendingNote = (WorkerState.Paused, d.Why);
                    if (d.Signal)
                    {
                        w.LastSchedulerSignalAt = events.Now;
                        signals.SendToGroup(w, ProcessSignal.Stop, "pause-on-wait: " + d.Why, SignalCause.Scheduler);
                    }

                    break;
                case SlotChange.Granted:
                    w.QueuedByScheduler = false;
                    w.PendingNote = (WorkerState.Running, d.Why);
                    if (d.Signal)
                    {
                        w.LastSchedulerSignalAt = events.Now;
                        signals.SendToGroup(w, ProcessSignal.Continue, "pause-on-wait: " + d.Why, SignalCause.Scheduler);
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
                        signals.SendToGroup(w, ProcessSignal.Continue, d.Why, SignalCause.Scheduler);
                    }

                    break;
            }

            events.Publish(new WorkerScheduled(
                events.NextSequence(), events.Now, d.Worker, d.Change, d.Why, _policy?.Holders.Count ?? 0, _policy?.Queue.Count ?? 0,
                d.Worker == woke ? noticedWithin : null));
        }

        _decisions.Clear();
    }
}
