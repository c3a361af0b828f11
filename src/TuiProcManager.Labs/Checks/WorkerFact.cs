namespace TuiProcManager.Labs.Checks;

/// <summary>Something that happened to a worker, which a <see cref="WorkerCountCheck"/> counts.</summary>
public enum WorkerFact
{
    /// <summary>It was started (<c>p.start()</c>).</summary>
    Spawned,

    /// <summary>A join returned because it ended (<c>p.join()</c>).</summary>
    Joined,

    /// <summary>Paused by the user, and the OS showed it stopped.</summary>
    Paused,

    /// <summary>Resumed by the user after a pause.</summary>
    Resumed,

    /// <summary>Terminated by the user while paused, and ended.</summary>
    TerminatedWhilePaused,

    /// <summary>Killed by the user (SIGKILL), and ended.</summary>
    Killed,

    /// <summary>A join with a timeout gave up while it still ran.</summary>
    JoinTimedOut,
}
