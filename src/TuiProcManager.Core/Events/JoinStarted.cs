using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>Someone started waiting for a worker to end (Python's <c>p.join(timeout)</c>).</summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Worker">See <see cref="WorkerEvent"/>.</param>
/// <param name="Timeout">How long at most; null for as long as it takes.</param>
public sealed record JoinStarted(long Sequence, DateTimeOffset Time, WorkerId Worker, TimeSpan? Timeout)
    : WorkerEvent(Sequence, Time, Worker);
