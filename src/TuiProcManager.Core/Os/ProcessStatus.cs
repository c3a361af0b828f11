namespace TuiProcManager.Core.Os;

/// <summary>One reading of a process.</summary>
/// <param name="Pid">Process ID.</param>
/// <param name="ParentPid">Parent's process ID.</param>
/// <param name="ProcessGroup">Process group ID.</param>
/// <param name="State">Scheduler state; for a multi-threaded process, Running when any thread is.</param>
/// <param name="CpuTime">User plus system CPU time used so far.</param>
/// <param name="ResidentBytes">Resident memory.</param>
/// <param name="Threads">Number of threads.</param>
/// <param name="StartTime">When it started, in the OS's own unit: with the PID it identifies the process
/// (a reused PID has a later start time).</param>
/// <param name="Name">Short name of the program (<c>comm</c>).</param>
/// <param name="Session">Session ID (0 when not read).</param>
public readonly record struct ProcessStatus(
    int Pid,
    int ParentPid,
    int ProcessGroup,
    OsProcessState State,
    TimeSpan CpuTime,
    long ResidentBytes,
    int Threads,
    ulong StartTime,
    string Name,
    int Session = 0);
