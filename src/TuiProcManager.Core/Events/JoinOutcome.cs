namespace TuiProcManager.Core.Events;

/// <summary>How a join ended.</summary>
public enum JoinOutcome
{
    /// <summary>The worker ended.</summary>
    Ended,

    /// <summary>The timeout came first; the worker is still alive.</summary>
    TimedOut,

    /// <summary>The caller gave up (cancelled); the worker is still alive.</summary>
    Cancelled,
}
