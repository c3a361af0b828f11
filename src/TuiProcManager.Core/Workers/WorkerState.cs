namespace TuiProcManager.Core.Workers;

/// <summary>Where a worker is in its life, as the OS reports it.</summary>
public enum WorkerState
{
    /// <summary>Spawned; the OS has not been asked about it yet.</summary>
    Starting,

    /// <summary>On a CPU or runnable (<c>R</c> in <c>/proc</c>).</summary>
    Running,

    /// <summary>Blocked in the kernel: sleeping or waiting on I/O (<c>S</c>, <c>D</c>).</summary>
    Waiting,

    /// <summary>Stopped (<c>T</c>): by us with SIGSTOP, or by someone else.</summary>
    Paused,

    /// <summary>Exited, killed by a signal, or failed to start; see <see cref="WorkerExit"/>.</summary>
    Ended,
}
