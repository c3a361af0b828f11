using System.Globalization;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Labs.Checks;

/// <summary>A pool was started mapping <see cref="WorkerKind"/> over at least <see cref="MinInputs"/> inputs with at least <see cref="MinWorkers"/> workers. The lab file's <c>poolStarted</c>.</summary>
public sealed class PoolStartedCheck(WorkerKind? kind, int minInputs, int minWorkers, int minSteps) : Check
{
    /// <summary>square or cube; null for either.</summary>
    public WorkerKind? WorkerKind { get; } = kind;

    /// <summary>Fewest inputs.</summary>
    public int MinInputs { get; } = minInputs;

    /// <summary>Fewest workers.</summary>
    public int MinWorkers { get; } = minWorkers;

    /// <summary>Fewest steps per input (a watchable pool).</summary>
    public int MinSteps { get; } = minSteps;

    /// <inheritdoc />
    public override string Kind => "poolStarted";

    /// <inheritdoc />
    public override bool IsMet(LabWorld world, Func<Check, bool> held)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Pools.Values.Any(p =>
            p.Request.Tasks.Length >= MinInputs && p.Request.Size >= MinWorkers && p.Request.Workload.Steps >= MinSteps
            && (WorkerKind is null || p.Request.Tasks.All(t => t.Kind == WorkerKind)));
    }

    /// <inheritdoc />
    public override string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"a pool mapping {(WorkerKind is { } k ? k.ToString().ToLowerInvariant() : "square or cube")} over at least {Plural.Of(MinInputs, "input")} with at least {Plural.Of(MinWorkers, "worker")}{(MinSteps > 0 ? $" and {Plural.Of(MinSteps, "step")} an input" : "")} started");
}
