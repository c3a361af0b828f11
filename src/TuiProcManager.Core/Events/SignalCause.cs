namespace TuiProcManager.Core.Events;

/// <summary>Who or what a signal came from: what a lab's checks and the Explain panel tell apart.</summary>
public enum SignalCause
{
    /// <summary>Asked for through <see cref="Supervision.ISupervisor"/>: pause, resume, terminate, kill (in the UI, a key the user pressed).</summary>
    Request,

    /// <summary>Sent on a request's behalf: the SIGCONT that lets a paused worker receive its SIGTERM, the SIGKILL after the grace period.</summary>
    FollowUp,

    /// <summary>The pause-on-wait scheduler: a worker stopped and queued for a slot, or continued with one.</summary>
    Scheduler,

    /// <summary>The supervisor shutting down.</summary>
    Shutdown,
}
