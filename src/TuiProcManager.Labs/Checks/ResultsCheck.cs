using System.Globalization;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Labs.Checks;

/// <summary>At least <see cref="AtLeast"/> results in the shared table (of a kind, from a pool, if given). The lab file's <c>results</c>.</summary>
public sealed class ResultsCheck(int atLeast, WorkerKind? kind, bool? fromPool) : Check
{
    /// <summary>Fewest results.</summary>
    public int AtLeast { get; } = atLeast;

    /// <summary>square or cube; null for either.</summary>
    public WorkerKind? WorkerKind { get; } = kind;

    /// <summary>True: only a pool's; false: only single workers'; null: any.</summary>
    public bool? FromPool { get; } = fromPool;

    /// <inheritdoc />
    public override string Kind => "results";

    /// <inheritdoc />
    public override bool IsMet(LabWorld world, Func<Check, bool> held)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Results.Count(r => r.Result is not null
            && (WorkerKind is null || r.Kind == WorkerKind)
            && (FromPool is null || (r.Pool is not null) == FromPool)) >= AtLeast;
    }

    /// <inheritdoc />
    public override string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"at least {Plural.Of(AtLeast, "result")}{(FromPool == true ? " from a pool" : FromPool == false ? " from single workers" : "")} in the shared results table");
}
