using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>A pool worker died while the pool still had work, and another was started in its place.</summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Worker">The worker that died.</param>
/// <param name="Pool">The pool.</param>
/// <param name="Replacement">The new worker; null when it could not be started.</param>
/// <param name="Why">How the old one ended.</param>
public sealed record PoolWorkerReplaced(long Sequence, DateTimeOffset Time, WorkerId Worker, PoolId Pool, WorkerId? Replacement, string Why)
    : WorkerEvent(Sequence, Time, Worker);
