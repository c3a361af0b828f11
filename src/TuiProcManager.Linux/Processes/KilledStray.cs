namespace TuiProcManager.Linux.Processes;

/// <summary>A stray sent SIGKILL and not yet reaped: its pidfd (ours to close) and what its report will say.</summary>
internal sealed class KilledStray(int pid, int pidfd, ulong start, string name, SweptLaunch launch, long killedAt, string how)
{
    /// <summary>How it was ended, for the report.</summary>
    public string How { get; } = how;

    public int Pid { get; } = pid;

    public int Pidfd { get; } = pidfd;

    /// <summary>Its start time (/proc): with the PID, names this process and no other.</summary>
    public ulong Start { get; } = start;

    public string Name { get; } = name;

    /// <summary>The launch it is reported against.</summary>
    public SweptLaunch Launch { get; } = launch;

    /// <summary>Environment.TickCount64 when SIGKILL was sent.</summary>
    public long KilledAt { get; } = killedAt;
}
