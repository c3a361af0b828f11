using TuiProcManager.Core.Os;

namespace TuiProcManager.Core.Supervision;

/// <summary>
/// One round of sampling: which workers to read and how much (chosen under the gate), then what was read
/// (outside it, on the clock thread), then applied (under the gate again). See <see cref="ResourceSampler"/>.
/// </summary>
/// <param name="withResources">A resource sample (CPU, memory, machine CPU), not only a state poll.</param>
/// <param name="full">Every live worker and its descendants, not only the workers that may wake.</param>
/// <param name="targets">The workers to read.</param>
internal sealed class SamplingRound(bool withResources, bool full, List<WorkerRecord> targets)
{
    /// <summary>A resource sample (CPU, memory, machine CPU), not only a state poll.</summary>
    public bool WithResources { get; } = withResources;

    /// <summary>Every live worker and its descendants, not only the workers that may wake.</summary>
    public bool Full { get; } = full;

    /// <summary>The workers to read.</summary>
    public IReadOnlyList<WorkerRecord> Targets { get; } = targets;

    /// <summary>What was read, one per target.</summary>
    public List<WorkerReading> Readings { get; } = new(targets.Count);

    /// <summary>The machine's CPU times, read at a resource sample.</summary>
    public MachineCpuTimes? Machine { get; set; }

    /// <summary>Whether a process the round read (a worker or a descendant) had run since it was last read, as the probe tells.</summary>
    public bool AnyRan { get; set; }
}
