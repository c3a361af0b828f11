using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>An event about one worker.</summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Worker">The worker it is about.</param>
public abstract record WorkerEvent(long Sequence, DateTimeOffset Time, WorkerId Worker)
    : SupervisorEvent(Sequence, Time);
