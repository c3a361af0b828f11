using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Results;

/// <summary>One row of the shared results table: input → result, which worker, when.</summary>
/// <param name="Worker">The worker that computed it.</param>
/// <param name="Pid">Its process ID.</param>
/// <param name="Kind">Square or cube.</param>
/// <param name="Input">N.</param>
/// <param name="Result">The result; null when it failed.</param>
/// <param name="Error">Why it failed; null on success.</param>
/// <param name="Time">When the result arrived.</param>
/// <param name="Pool">The pool, for a pool input.</param>
/// <param name="Index">Position in the pool's inputs, for a pool input.</param>
public sealed record ResultRow(
    WorkerId Worker,
    int? Pid,
    WorkerKind Kind,
    string Input,
    string? Result,
    string? Error,
    DateTimeOffset Time,
    PoolId? Pool,
    int? Index);
