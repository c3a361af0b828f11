using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>
/// A row of the shared results table (the lesson's <c>Manager().dict()</c>): what a worker computed, read
/// from its results pipe, never from its output; or, for a pool input, why it has no result.
/// </summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Worker">The worker that computed it (or died computing it).</param>
/// <param name="Kind">Square or cube.</param>
/// <param name="Input">N.</param>
/// <param name="Result">N² or N³; null when it failed.</param>
/// <param name="Error">Why it failed; null on success.</param>
/// <param name="Pool">The pool, for a pool input.</param>
/// <param name="Index">Position of the input in the pool's request, for a pool input.</param>
public sealed record ResultRecorded(
    long Sequence,
    DateTimeOffset Time,
    WorkerId Worker,
    WorkerKind Kind,
    string Input,
    string? Result,
    string? Error,
    PoolId? Pool = null,
    int? Index = null)
    : WorkerEvent(Sequence, Time, Worker)
{
    /// <summary><c>square(3) = 9</c>, or <c>square(3) failed: …</c>.</summary>
    public string Describe() => Result is not null
        ? $"{new PoolTask(Kind, Input)} = {Result}"
        : $"{new PoolTask(Kind, Input)} failed: {Error}";
}
