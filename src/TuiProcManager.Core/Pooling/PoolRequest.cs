using System.Collections.Immutable;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Pooling;

/// <summary>A pool to start: its inputs, its size, and the workload of each input.</summary>
/// <param name="Tasks">The inputs, in order (results are numbered by position).</param>
/// <param name="Size">How many long-lived worker processes take them.</param>
/// <param name="Workload">Steps, work and wait per input.</param>
public sealed record PoolRequest(ImmutableArray<PoolTask> Tasks, int Size, Workload Workload)
{
    /// <summary>The largest pool the supervisor starts on any machine.</summary>
    public const int MaxSize = 1024;

    /// <summary>The largest pool on a machine of <paramref name="machine"/>'s cores: 32 workers per CPU, at most
    /// <see cref="MaxSize"/>. Beyond that a pool only adds start-up, memory (about 2.5 MiB per worker) and file
    /// descriptors (five of ours per worker). What the pool dialog and <c>run --pool</c> allow.</summary>
    public static int MaxSizeOn(Os.MachineFacts machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return Math.Min(MaxSize, 32 * machine.Cores);
    }

    /// <summary>One line naming what is wrong with the size on <paramref name="machine"/>, or null.</summary>
    public string? SizeProblemOn(Os.MachineFacts machine) =>
        Size < 1 || Size > MaxSizeOn(machine) ? $"the pool size must be from 1 to {MaxSizeOn(machine)} on this machine ({machine.Cores} CPUs), got {Size}" : null;

    /// <summary>One line naming what is wrong with the request, or null.</summary>
    public string? Problem() =>
        Tasks.IsDefaultOrEmpty ? "a pool needs at least one input"
        : Size < 1 || Size > MaxSize ? $"the pool size must be from 1 to {MaxSize}, got {Size}"
        : Tasks.Length > MapSpecParser.MaxInputs ? $"a pool takes at most {MapSpecParser.MaxInputs:N0} inputs, got {Tasks.Length:N0}"
        : null;

    /// <inheritdoc />
    public bool Equals(PoolRequest? other) =>
        other is not null && Size == other.Size && Workload == other.Workload && Tasks.SequenceEqual(other.Tasks);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Size, Workload, Tasks.Length);
}
