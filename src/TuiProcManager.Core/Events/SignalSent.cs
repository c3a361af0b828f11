using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>The supervisor sent a signal to a worker's process group.</summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Worker">See <see cref="WorkerEvent"/>.</param>
/// <param name="Signal">Which signal.</param>
/// <param name="Why">The action it belongs to: pause, resume, terminate, grace period expired, kill.</param>
/// <param name="Cause">Who or what it came from (a request, its follow-up, the scheduler, the shutdown).</param>
public sealed record SignalSent(long Sequence, DateTimeOffset Time, WorkerId Worker, ProcessSignal Signal, string Why, SignalCause Cause = SignalCause.Request)
    : WorkerEvent(Sequence, Time, Worker);
