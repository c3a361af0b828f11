using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>An input of a pool was written to a worker's stdin; it runs once the inputs before it there are done.</summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Worker">The pool worker.</param>
/// <param name="Pool">The pool.</param>
/// <param name="Index">Position of the input in the pool's request.</param>
public sealed record PoolTaskAssigned(long Sequence, DateTimeOffset Time, WorkerId Worker, PoolId Pool, int Index)
    : WorkerEvent(Sequence, Time, Worker);
