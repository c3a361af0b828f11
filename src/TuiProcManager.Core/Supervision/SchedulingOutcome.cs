using TuiProcManager.Core.Scheduling;

namespace TuiProcManager.Core.Supervision;

/// <summary>What <see cref="ISupervisor.ChangeSchedulingAsync"/> left: the mode and run slots now.</summary>
/// <param name="Mode">The scheduling mode now.</param>
/// <param name="Slots">The run slots now (used by pause-on-wait; kept while parallel).</param>
/// <param name="Changed">False when the request changed nothing: the slots were already at the bound asked past.</param>
public sealed record SchedulingOutcome(SchedulingMode Mode, int Slots, bool Changed);
