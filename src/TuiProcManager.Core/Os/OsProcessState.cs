namespace TuiProcManager.Core.Os;

/// <summary>The scheduler state the OS reports for a process.</summary>
public enum OsProcessState
{
    /// <summary>On a CPU or runnable (<c>R</c>).</summary>
    Running,

    /// <summary>Interruptible sleep: waiting for an event, a timer, a pipe (<c>S</c>, also idle <c>I</c>).</summary>
    Sleeping,

    /// <summary>Uninterruptible sleep, usually disk I/O (<c>D</c>).</summary>
    DiskSleep,

    /// <summary>Stopped by a signal (<c>T</c>).</summary>
    Stopped,

    /// <summary>Stopped by a debugger (<c>t</c>).</summary>
    TracingStop,

    /// <summary>Exited, not yet reaped (<c>Z</c>, <c>X</c>).</summary>
    Zombie,

    /// <summary>Anything else.</summary>
    Unknown,
}
