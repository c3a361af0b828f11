using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>
/// Whether a worker is queued: stopped by the pause-on-wait scheduler until a run slot is free, as opposed
/// to paused by the user. Folded from two streams of events that arrive apart: the scheduler's decisions
/// (<see cref="Core.Events.WorkerScheduled"/>) and the states read back from the OS.
/// </summary>
/// <remarks>
/// A worker shows as queued only while the OS has it stopped and that stop is the scheduler's: between a
/// Queued decision and the poll that sees it stopped it still runs (and shows running); after a Granted
/// decision it stays stopped, and queued, until the poll sees it run. A Left decision (the user paused it,
/// or parallel mode let it go) makes the stop nobody's queue. Mutable, UI thread only.
/// </remarks>
internal sealed class QueueStatus
{
    private bool _inQueue;
    private bool _stoppedByScheduler;

    /// <summary>Starts from a snapshot's <see cref="Core.Events.WorkerInfo.Queued"/>.</summary>
    public QueueStatus(bool queued = false, WorkerState state = WorkerState.Starting)
    {
        _inQueue = queued;
        _stoppedByScheduler = queued && state == WorkerState.Paused;
    }

    /// <summary>Whether a worker in <paramref name="state"/> (its OS state) is shown as queued.</summary>
    public bool IsQueued(WorkerState state) => state == WorkerState.Paused && _stoppedByScheduler;

    /// <summary>A decision of the scheduler about this worker, whose OS state is <paramref name="state"/>.</summary>
    public void Decided(SlotChange change, WorkerState state)
    {
        _inQueue = change == SlotChange.Queued;
        if (change == SlotChange.Queued && state == WorkerState.Paused)
        {
            _stoppedByScheduler = true; // already stopped (paused by the user, then resumed into a full queue)
        }
        else if (change == SlotChange.Left)
        {
            _stoppedByScheduler = false;
        }
    }

    /// <summary>The OS state changed to <paramref name="to"/>.</summary>
    public void StateChanged(WorkerState to) => _stoppedByScheduler = to == WorkerState.Paused && _inQueue;
}
