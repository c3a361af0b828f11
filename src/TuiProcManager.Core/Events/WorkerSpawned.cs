using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>A worker was spawned: the first event of every worker.</summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Worker">See <see cref="WorkerEvent"/>.</param>
/// <param name="Spec">What was asked for.</param>
/// <param name="Pid">The process ID; null when the OS refused to start it (a <see cref="WorkerEnded"/> with the reason follows).</param>
/// <param name="Note">Something worth saying about how it was started (the fork server stopped answering, so
/// posix_spawn was used); null normally.</param>
public sealed record WorkerSpawned(long Sequence, DateTimeOffset Time, WorkerId Worker, WorkerSpec Spec, int? Pid, string? Note = null)
    : WorkerEvent(Sequence, Time, Worker);
