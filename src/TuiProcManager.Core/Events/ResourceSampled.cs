using System.Collections.Immutable;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>CPU and memory of a worker and of each of its descendants, every sample interval.</summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Worker">See <see cref="WorkerEvent"/>.</param>
/// <param name="Process">The worker's own process.</param>
/// <param name="Descendants">Its live descendants (children, grandchildren…), parents before children.</param>
public sealed record ResourceSampled(long Sequence, DateTimeOffset Time, WorkerId Worker, ProcessSample Process, ImmutableArray<ProcessSample> Descendants)
    : WorkerEvent(Sequence, Time, Worker);
