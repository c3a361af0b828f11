using System.Globalization;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Labs.Checks;

/// <summary>A pool finished with at least <see cref="MinSucceeded"/> results and <see cref="MinFailed"/> failed inputs. The lab file's <c>poolFinished</c>.</summary>
public sealed class PoolFinishedCheck(int minSucceeded, int minFailed) : Check
{
    /// <summary>Fewest inputs with a result.</summary>
    public int MinSucceeded { get; } = minSucceeded;

    /// <summary>Fewest failed inputs.</summary>
    public int MinFailed { get; } = minFailed;

    /// <inheritdoc />
    public override string Kind => "poolFinished";

    /// <inheritdoc />
    public override bool IsMet(LabWorld world, Func<Check, bool> held)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Pools.Values.Any(p => p.Outcome is { } o && o.Succeeded >= MinSucceeded && o.Failed >= MinFailed);
    }

    /// <inheritdoc />
    public override string Describe() => MinFailed > 0
        ? string.Create(CultureInfo.InvariantCulture, $"a pool finished with at least {Plural.Of(MinSucceeded, "result")} and {Plural.Of(MinFailed, "failed input")}")
        : string.Create(CultureInfo.InvariantCulture, $"a pool finished with at least {Plural.Of(MinSucceeded, "result")}");
}
