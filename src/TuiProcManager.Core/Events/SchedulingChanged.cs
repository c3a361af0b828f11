using TuiProcManager.Core.Scheduling;

namespace TuiProcManager.Core.Events;

/// <summary>The scheduling mode or the number of run slots changed.</summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Mode">The mode now.</param>
/// <param name="Slots">Run slots of pause-on-wait mode (kept while in parallel mode, for the next switch).</param>
public sealed record SchedulingChanged(long Sequence, DateTimeOffset Time, SchedulingMode Mode, int Slots)
    : SupervisorEvent(Sequence, Time);
