using TuiProcManager.Core.Pooling;

namespace TuiProcManager.Core.Events;

/// <summary>A pool is closed and joined: every input has an outcome and every one of its workers has ended.</summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Pool">The pool.</param>
/// <param name="Outcome">How many inputs succeeded, failed, or never ran.</param>
public sealed record PoolFinished(long Sequence, DateTimeOffset Time, PoolId Pool, PoolOutcome Outcome)
    : SupervisorEvent(Sequence, Time);
