using System.Collections.Immutable;

namespace TuiProcManager.Core.Events;

/// <summary>
/// The first event a snapshot subscriber gets: every worker as it is now. The live events that follow
/// continue exactly from here, with nothing lost in between.
/// </summary>
/// <param name="Sequence">The sequence number of the last event before the snapshot (0 if none).</param>
/// <param name="Time">When the snapshot was taken.</param>
/// <param name="Workers">Every worker, in spawn order.</param>
public sealed record SupervisorSnapshot(long Sequence, DateTimeOffset Time, ImmutableArray<WorkerInfo> Workers)
    : SupervisorEvent(Sequence, Time);
