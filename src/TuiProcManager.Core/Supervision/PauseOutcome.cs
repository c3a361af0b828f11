namespace TuiProcManager.Core.Supervision;

/// <summary>What <see cref="ISupervisor.PauseOrResumeAsync"/> did.</summary>
public enum PauseOutcome
{
    /// <summary>The worker's process group was sent SIGSTOP.</summary>
    Paused,

    /// <summary>The worker's process group was sent SIGCONT, or (pause-on-wait) it rejoined the queue for a slot.</summary>
    Resumed,

    /// <summary>The worker had ended: nothing was sent.</summary>
    Ended,
}
