using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

/// <summary>Bookkeeping for one descendant process of a worker.</summary>
internal sealed class DescendantRecord(int pid, ulong osStartTime)
{
    public int Pid { get; } = pid;

    public ulong OsStartTime { get; } = osStartTime;

    public int ParentPid { get; set; }

    public string Name { get; set; } = "";

    public WorkerState State { get; set; } = WorkerState.Starting;

    public CpuMeter Cpu { get; } = new();

    public ProcessSample? LastSample { get; set; }
}
