using System.Collections.Immutable;
using TuiProcManager.Core.Scheduling;

namespace TuiProcManager.Core.Events;

/// <summary>
/// The first event a snapshot subscriber gets: every worker as it is now. The live events that follow
/// continue exactly from here, with nothing lost in between.
/// </summary>
/// <param name="Sequence">The sequence number of the last event before the snapshot (0 if none).</param>
/// <param name="Time">When the snapshot was taken.</param>
/// <param name="Workers">Every worker, in spawn order.</param>
/// <param name="Mode">The scheduling mode.</param>
/// <param name="Slots">Run slots of pause-on-wait mode.</param>
public sealed record SupervisorSnapshot(
    long Sequence,
    DateTimeOffset Time,
    ImmutableArray<WorkerInfo> Workers,
    SchedulingMode Mode = SchedulingMode.Parallel,
    int Slots = 1)
    : SupervisorEvent(Sequence, Time);
