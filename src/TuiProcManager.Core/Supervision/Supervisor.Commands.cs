using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

/// <summary>
/// The client commands of <see cref="ISupervisor"/>: each one decided here, under the gate, from the
/// supervisor's own state, and answered as a completed task (or one that completes at an end or a join).
/// </summary>
public sealed partial class Supervisor
{
    /// <inheritdoc />
    public Task<WorkerId> SpawnAsync(WorkerSpec spec) => Decided(() => Spawn(spec));

    /// <inheritdoc />
    public Task<PoolId> StartPoolAsync(PoolRequest request) => Decided(() => StartPool(request));

    /// <inheritdoc />
    public Task<PauseOutcome> PauseOrResumeAsync(WorkerId worker) => Decided(() => PauseOrResume(worker));

    /// <inheritdoc />
    public Task<bool> KillAsync(WorkerId worker) => Decided(() => Kill(worker));

    /// <inheritdoc />
    public Task<int> KillAllAsync() => Decided(KillAll);

    /// <inheritdoc />
    public Task<SchedulingOutcome> ChangeSchedulingAsync(SchedulingChange change) => Decided(() => ChangeScheduling(change));

    /// <summary>See <see cref="ISupervisor.PauseOrResumeAsync"/>.</summary>
    /// <exception cref="ArgumentException">There is no such worker.</exception>
    public PauseOutcome PauseOrResume(WorkerId worker)
    {
        lock (_gate)
        {
            WorkerRecord w = _workers.Record(worker);
            if (!w.IsAlive)
            {
                return PauseOutcome.Ended;
            }

            // Stopped by us at the user's request, or from outside (kill -STOP in another shell): resume.
            // Stopped in the pause-on-wait queue: the user's p pauses it (it leaves the queue, stays stopped).
            bool paused = w.PausedByUser || (w.State == WorkerState.Paused && !w.QueuedByScheduler);
            return paused
                ? Resume(worker) ? PauseOutcome.Resumed : PauseOutcome.Ended
                : Pause(worker) ? PauseOutcome.Paused : PauseOutcome.Ended;
        }
    }

    /// <summary>Pauses the worker and its process group (SIGSTOP).</summary>
    /// <returns>False when it has already ended.</returns>
    public bool Pause(WorkerId worker)
    {
        lock (_gate)
        {
            WorkerRecord w = _workers.Record(worker);
            if (w.DeferUntilLaunched(() => Pause(worker)))
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
            if (w.DeferUntilLaunched(() => Resume(worker)))
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
            if (w.DeferUntilLaunched(() => TerminateAsync(worker, grace)))
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
            if (w.DeferUntilLaunched(() => Kill(worker)))
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

    /// <summary>See <see cref="ISupervisor.KillAllAsync"/>.</summary>
    public int KillAll()
    {
        lock (_gate)
        {
            _pools.StopPools(); // no replacements for the workers about to die
            return _workers.Where(w => w.IsAlive).Count(w => Kill(w.Id)); // those being started too
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

    /// <summary>See <see cref="ISupervisor.StartPoolAsync"/>; the decision itself.</summary>
    /// <exception cref="ArgumentException">The request is not valid (<see cref="PoolRequest.Problem"/>).</exception>
    /// <exception cref="ObjectDisposedException">The supervisor is shutting down.</exception>
    public PoolId StartPool(PoolRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _pools.StartPool(request);
        }
    }

    /// <inheritdoc />
    public Task<PoolOutcome> JoinPoolAsync(PoolId pool, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _pools.WhenPoolFinished(pool, cancellationToken);
        }
    }

    /// <summary>See <see cref="ISupervisor.ChangeSchedulingAsync"/>.</summary>
    /// <exception cref="ObjectDisposedException">The supervisor is shutting down.</exception>
    public SchedulingOutcome ChangeScheduling(SchedulingChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            SchedulingMode mode = _slotScheduler.Mode;
            SchedulingMode nextMode = change.Mode
                ?? (!change.ToggleMode ? mode : mode == SchedulingMode.Parallel ? SchedulingMode.PauseOnWait : SchedulingMode.Parallel);
            int nextSlots = Math.Clamp((change.Slots ?? _slotScheduler.Slots) + change.SlotDelta, 1, PauseOnWaitPolicy.MaxSlots);
            bool changed = nextMode != mode || nextSlots != _slotScheduler.Slots;
            if (changed || change.Mode is not null || change.Slots is not null)
            {
                SetScheduling(nextMode, nextSlots);
            }

            return new SchedulingOutcome(nextMode, nextSlots, changed);
        }
    }

    /// <summary>The scheduling mode and run slots now. For the supervisor's own tests: clients fold the events instead.</summary>
    public (SchedulingMode Mode, int Slots) Scheduling
    {
        get
        {
            lock (_gate)
            {
                return (_slotScheduler.Mode, _slotScheduler.Slots);
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
            _slotScheduler.SetScheduling(mode, slots);
            _pace.StartStatePolling(restart: true); // wake polls start (or stop) now, not at the next slow tick
        }
    }

    /// <summary>
    /// Whether anyone watches the workers now (a session server: whether any client is attached). True from
    /// the start. While nobody does, in parallel mode, once nothing has changed and no worker or descendant
    /// has run for <see cref="SupervisorOptions.QuietAfter"/>, states are read only by the resource samples
    /// (every <see cref="SupervisorOptions.SampleInterval"/>): a change is then recorded up to that late. A
    /// watcher brings back the usual pace at once.
    /// </summary>
    public void SetWatched(bool watched)
    {
        lock (_gate)
        {
            _pace.SetWatched(watched);
        }
    }

    /// <summary>Whether anyone watches, as last told (<see cref="SetWatched"/>). For tests of who tells it.</summary>
    public bool IsWatched
    {
        get
        {
            lock (_gate)
            {
                return _pace.IsWatched;
            }
        }
    }

    /// <summary>A decision taken now, as the task a client awaits: a refusal (a bad request, a supervisor shutting down) faults it.</summary>
    private static Task<T> Decided<T>(Func<T> decide)
    {
        try
        {
            return Task.FromResult(decide());
        }
        catch (Exception e) when (e is ArgumentException or ObjectDisposedException)
        {
            return Task.FromException<T>(e);
        }
    }
}
