using TuiProcManager.Core.Pooling;

namespace TuiProcManager.Core.Events;

/// <summary>A pool was started: its inputs are pending, its workers being spawned.</summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Pool">The pool.</param>
/// <param name="Request">Its inputs, size and workload.</param>
/// <param name="Window">Most inputs in flight per worker (see <see cref="PoolRun.Window"/>).</param>
public sealed record PoolStarted(long Sequence, DateTimeOffset Time, PoolId Pool, PoolRequest Request, int Window)
    : SupervisorEvent(Sequence, Time)
{
    /// <summary>
    /// How many workers are started for it: as many as have inputs to take (each takes up to a window of them),
    /// at most its size. Python's <c>Pool(n)</c> starts all n, whatever the inputs.
    /// </summary>
    public int Workers => Math.Min(Request.Size, (Request.Tasks.Length + Window - 1) / Window);
}
