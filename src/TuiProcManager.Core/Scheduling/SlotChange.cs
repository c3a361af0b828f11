namespace TuiProcManager.Core.Scheduling;

/// <summary>What the pause-on-wait scheduler did with one worker.</summary>
public enum SlotChange
{
    /// <summary>It got a run slot: continued (SIGCONT) if it was queued, or allowed to go on running.</summary>
    Granted,

    /// <summary>No slot was free when it wanted to run: stopped (SIGSTOP) and queued, first come first served.</summary>
    Queued,

    /// <summary>It started waiting (blocked in the kernel) and gave its slot back; it sleeps on, not stopped.</summary>
    Released,

    /// <summary>The scheduler stopped governing it: ended, paused by the user, terminating, or parallel mode.</summary>
    Left,
}
