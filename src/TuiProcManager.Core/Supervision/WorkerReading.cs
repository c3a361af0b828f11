using TuiProcManager.Core.Os;

namespace TuiProcManager.Core.Supervision;

/// <summary>A reading of one worker from the OS, taken outside the gate and applied under it.</summary>
/// <param name="Worker">The worker read.</param>
/// <param name="Self">Its process; null when it could not be read (it has gone).</param>
/// <param name="Descendants">Its descendants, parents first; empty when they were not read.</param>
/// <param name="ReadAt">When its process was read.</param>
internal readonly record struct WorkerReading(WorkerRecord Worker, ProcessStatus? Self, List<ProcessStatus> Descendants, DateTimeOffset ReadAt);
