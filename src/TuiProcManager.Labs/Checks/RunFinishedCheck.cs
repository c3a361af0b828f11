using TuiProcManager.Core.Scheduling;

namespace TuiProcManager.Labs.Checks;

/// <summary>
/// A whole run (from a spawn with nothing alive to the last end) in <see cref="Mode"/>, the mode not
/// changed on the way, with at least <see cref="AtLeast"/> workers matching <see cref="Filter"/>. The lab
/// file's <c>runFinished</c>; its makespan is what <c>fasterMode</c> answers compare.
/// </summary>
public sealed class RunFinishedCheck(SchedulingMode mode, int? slots, WorkerFilter filter, Count atLeast) : Check
{
    /// <summary>The mode the run was in.</summary>
    public SchedulingMode Mode { get; } = mode;

    /// <summary>Its slots; null for any.</summary>
    public int? Slots { get; } = slots;

    /// <summary>Which workers count.</summary>
    public WorkerFilter Filter { get; } = filter;

    /// <summary>How many of them, at least.</summary>
    public Count AtLeast { get; } = atLeast;

    /// <inheritdoc />
    public override string Kind => "runFinished";

    /// <inheritdoc />
    public override bool IsMet(LabWorld world, Func<Check, bool> held) => Latest(world) is not null;

    /// <summary>The latest run that satisfies this check, or null.</summary>
    public FinishedRun? Latest(LabWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        int needed = AtLeast.Resolve(world);
        return world.Runs.LastOrDefault(r =>
            r.Mode == Mode && !r.ModeChanged && (Slots is null || r.Slots == Slots)
            && r.Workers.Count(id => Filter.Matches(world.Workers[id])) >= needed);
    }

    /// <inheritdoc />
    public override string Describe() => $"a run of {Filter.Describe(AtLeast.ToString())} finished in {ModeCheck.Name(Mode, Slots)} mode";
}
