using TuiProcManager.Core.Events;
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

    /// <summary>See <see cref="ISupervisor.KillAllAsync"/>.</summary>
    public int KillAll()
    {
        lock (_gate)
        {
            _pools.StopPools(); // no replacements for the workers about to die
            return _workers.Where(w => w.IsAlive).Count(w => Kill(w.Id)); // those being started too
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
