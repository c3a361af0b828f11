using System.Collections.Immutable;

namespace TuiProcManager.Core.Events;

/// <summary>The machine's CPU use per core since the previous sample, 0 to 100 each.</summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="CoreBusyPercent">One value per core, in core order.</param>
public sealed record MachineSampled(long Sequence, DateTimeOffset Time, ImmutableArray<double> CoreBusyPercent)
    : SupervisorEvent(Sequence, Time);
