using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>
/// A process started by a worker (say, a Python multiprocessing child) appeared, changed state, or ended.
/// </summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Worker">The worker it descends from.</param>
/// <param name="Pid">Its process ID.</param>
/// <param name="ParentPid">Its parent's process ID.</param>
/// <param name="Name">Short program name.</param>
/// <param name="From">Its state before; null when it was just found.</param>
/// <param name="To">Its state now; <see cref="WorkerState.Ended"/> when it is gone (its exit status belongs to its parent).</param>
public sealed record DescendantStateChanged(long Sequence, DateTimeOffset Time, WorkerId Worker, int Pid, int ParentPid, string Name, WorkerState? From, WorkerState To)
    : WorkerEvent(Sequence, Time, Worker);
