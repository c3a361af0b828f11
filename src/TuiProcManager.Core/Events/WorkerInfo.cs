using System.Collections.Immutable;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>Everything known about one worker at one moment.</summary>
/// <param name="Worker">Its ID.</param>
/// <param name="Spec">What was asked for.</param>
/// <param name="Pid">Its process ID; null when it never started.</param>
/// <param name="State">Its state.</param>
/// <param name="Exit">How it ended; null while alive.</param>
/// <param name="StartedAt">When it was spawned.</param>
/// <param name="EndedAt">When it ended; null while alive.</param>
/// <param name="Joined">Whether a join has seen it end.</param>
/// <param name="OutputLines">How many lines it has written.</param>
/// <param name="LastSample">Its latest resource sample, if any.</param>
/// <param name="Descendants">Its live descendants at the latest sample.</param>
/// <param name="PausedByUser">Paused by <see cref="Supervision.ISupervisor.PauseOrResumeAsync"/> and not resumed since (known at
/// once, before the OS state is read back).</param>
/// <param name="Queued">Stopped by the pause-on-wait scheduler, waiting for a run slot.</param>
/// <param name="OutputHeld">Its output pipes are held for a lossless consumer that is behind (see <see cref="WorkerOutputHeld"/>).</param>
public sealed record WorkerInfo(
    WorkerId Worker,
    WorkerSpec Spec,
    int? Pid,
    WorkerState State,
    WorkerExit? Exit,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    bool Joined,
    long OutputLines,
    ProcessSample? LastSample,
    ImmutableArray<ProcessSample> Descendants,
    bool PausedByUser = false,
    bool Queued = false,
    bool OutputHeld = false);
