using System.Collections.Immutable;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Pooling;

/// <summary>A worker kind mapped over inputs, as typed: <c>square:1..20</c>, <c>cube:2,3,5</c>, <c>square:7</c>.</summary>
/// <param name="Kind">Square or cube.</param>
/// <param name="Inputs">Every N, canonical, in the order given.</param>
public sealed record MapSpec(WorkerKind Kind, ImmutableArray<string> Inputs)
{
    /// <inheritdoc />
    public bool Equals(MapSpec? other) => other is not null && Kind == other.Kind && Inputs.SequenceEqual(other.Inputs);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Inputs.Length);

    /// <summary>The tasks of this map, for a pool.</summary>
    public IEnumerable<PoolTask> Tasks => Inputs.Select(n => new PoolTask(Kind, n));
}
