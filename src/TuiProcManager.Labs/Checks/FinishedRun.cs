using System.Collections.Immutable;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Labs.Checks;

/// <summary>
/// A run: from a spawn while no worker was alive to the moment the last of them ended (the span the run
/// summary's makespan measures).
/// </summary>
/// <param name="Start">The first spawn.</param>
/// <param name="End">The last end.</param>
/// <param name="Mode">The scheduling mode at the start.</param>
/// <param name="Slots">The run slots at the start.</param>
/// <param name="ModeChanged">The mode or slots changed while it went on (it is then no clean comparison).</param>
/// <param name="Workers">Every worker of the run.</param>
public sealed record FinishedRun(DateTimeOffset Start, DateTimeOffset End, SchedulingMode Mode, int Slots, bool ModeChanged, ImmutableArray<WorkerId> Workers)
{
    /// <summary>From the first start to the last end.</summary>
    public TimeSpan Makespan => End - Start;
}
