using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>A worker's state changed, as read from the OS (or because it ended).</summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Worker">See <see cref="WorkerEvent"/>.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state now.</param>
/// <param name="Why">Why, in words: what the OS reported, or how it ended.</param>
public sealed record WorkerStateChanged(long Sequence, DateTimeOffset Time, WorkerId Worker, WorkerState From, WorkerState To, string Why)
    : WorkerEvent(Sequence, Time, Worker);
