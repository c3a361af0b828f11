using System.Collections.Immutable;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Pooling;

/// <summary>A pool to start: its inputs, its size, and the workload of each input.</summary>
/// <param name="Tasks">The inputs, in order (results are numbered by position).</param>
/// <param name="Size">How many long-lived worker processes take them.</param>
/// <param name="Workload">Steps, work and wait per input.</param>
public sealed record PoolRequest(ImmutableArray<PoolTask> Tasks, int Size, Workload Workload)
{
    /// <summary>The largest pool: 32 workers per CPU, at most 1,024. Beyond that a pool only adds start-up,
    /// memory (about 2.5 MiB per worker) and file descriptors (five of ours per worker).</summary>
    public static int MaxSize { get; } = Math.Min(1024, 32 * Environment.ProcessorCount);

    /// <summary>One line naming what is wrong with the request, or null.</summary>
    public string? Problem() =>
        Tasks.IsDefaultOrEmpty ? "a pool needs at least one input"
        : Size < 1 || Size > MaxSize ? $"the pool size must be from 1 to {MaxSize} on this machine ({Environment.ProcessorCount} CPUs), got {Size}"
        : Tasks.Length > MapSpecParser.MaxInputs ? $"a pool takes at most {MapSpecParser.MaxInputs:N0} inputs, got {Tasks.Length:N0}"
        : null;

    /// <inheritdoc />
    public bool Equals(PoolRequest? other) =>
        other is not null && Size == other.Size && Workload == other.Workload && Tasks.SequenceEqual(other.Tasks);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Size, Workload, Tasks.Length);
}
