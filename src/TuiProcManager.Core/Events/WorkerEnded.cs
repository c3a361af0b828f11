using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>A worker ended and was reaped: the last event of its life (joins may follow).</summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Worker">See <see cref="WorkerEvent"/>.</param>
/// <param name="Exit">Exit code, signal, or why it never started.</param>
public sealed record WorkerEnded(long Sequence, DateTimeOffset Time, WorkerId Worker, WorkerExit Exit)
    : WorkerEvent(Sequence, Time, Worker);
