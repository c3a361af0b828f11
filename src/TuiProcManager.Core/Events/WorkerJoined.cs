using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>A join ended: the worker had ended, or the timeout or a cancellation came first.</summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Worker">See <see cref="WorkerEvent"/>.</param>
/// <param name="Outcome">Ended, timed out or cancelled.</param>
/// <param name="Exit">How the worker ended, when <paramref name="Outcome"/> is <see cref="JoinOutcome.Ended"/>.</param>
public sealed record WorkerJoined(long Sequence, DateTimeOffset Time, WorkerId Worker, JoinOutcome Outcome, WorkerExit? Exit)
    : WorkerEvent(Sequence, Time, Worker);
