namespace TuiProcManager.Labs.Checks;

/// <summary>
/// At some moment at least <see cref="AtLeast"/> workers matching <see cref="Filter"/> were running at
/// once (on a CPU, or ready for one: parallelism). The lab file's <c>runningAtOnce</c>.
/// </summary>
public sealed class RunningAtOnceCheck(WorkerFilter filter, Count atLeast) : Check
{
    /// <summary>Which workers.</summary>
    public WorkerFilter Filter { get; } = filter;

    /// <summary>How many at once.</summary>
    public Count AtLeast { get; } = atLeast;

    /// <inheritdoc />
    public override string Kind => "runningAtOnce";

    /// <inheritdoc />
    public override bool IsMet(LabWorld world, Func<Check, bool> held)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Running.Count(id => Filter.Matches(world.Workers[id])) >= AtLeast.Resolve(world);
    }

    /// <inheritdoc />
    public override string Describe() => Filter.Describe(AtLeast.ToString()) + " running at the same moment";
}
