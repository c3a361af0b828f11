using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>One process's resources at one moment: a worker's own process or one of its descendants.</summary>
/// <param name="Pid">Process ID.</param>
/// <param name="ParentPid">Parent's process ID.</param>
/// <param name="Name">Short program name.</param>
/// <param name="State">Its state, classified as a worker's would be.</param>
/// <param name="CpuPercent">CPU use since the previous sample, 100 = one whole core.</param>
/// <param name="CpuTime">CPU time used since it started.</param>
/// <param name="ResidentBytes">Resident memory.</param>
public sealed record ProcessSample(int Pid, int ParentPid, string Name, WorkerState State, double CpuPercent, TimeSpan CpuTime, long ResidentBytes);
