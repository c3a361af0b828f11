using System.Collections.Immutable;

namespace TuiProcManager.Core.Os;

/// <summary>Cumulative CPU times of one core, in the OS's ticks.</summary>
/// <param name="Busy">Ticks spent on anything but idle and I/O wait.</param>
/// <param name="Total">All ticks.</param>
public readonly record struct CoreTimes(ulong Busy, ulong Total);

/// <summary>Cumulative CPU times of every core, in core order.</summary>
/// <param name="Cores">One entry per online core.</param>
public sealed record MachineCpuTimes(ImmutableArray<CoreTimes> Cores);
