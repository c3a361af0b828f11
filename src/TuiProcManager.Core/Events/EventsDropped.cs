using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>
/// This subscriber fell behind and <see cref="Count"/> of its events were dropped instead of letting
/// memory grow or stalling the supervisor. Placed where the gap is.
/// </summary>
/// <remarks>
/// Only this subscriber lost them; others, and the supervisor's own state, are complete. Output lines and
/// samples go first; lifecycle events (spawned, ended, joined) are never dropped.
/// </remarks>
/// <param name="Sequence">The <see cref="SupervisorEvent.Sequence"/> of the first event dropped.</param>
/// <param name="Time">When the first was dropped.</param>
/// <param name="Worker">Whose events; null for machine-wide ones.</param>
/// <param name="Count">How many events were dropped.</param>
/// <param name="OutputLines">How many of them were output lines.</param>
public sealed record EventsDropped(long Sequence, DateTimeOffset Time, WorkerId? Worker, long Count, long OutputLines)
    : SupervisorEvent(Sequence, Time);
