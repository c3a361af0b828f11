using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

/// <summary>The supervisor's mutable bookkeeping for one worker.</summary>
/// <remarks>Every field is read and written under the supervisor's gate, except <see cref="Ended"/>'s task, which anyone may await.</remarks>
internal sealed class WorkerRecord(WorkerId id, WorkerSpec spec, DateTimeOffset startedAt)
{
    public WorkerId Id { get; } = id;

    public WorkerSpec Spec { get; } = spec;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>Null while it is being started, and when the OS refused to start it.</summary>
    public IProcessHandle? Handle { get; set; }

    /// <summary>
    /// Its start is over (it started, or the OS refused) and <see cref="WorkerSpawned"/> was published. Until
    /// then nothing about it is published: what its process reports is kept in <see cref="Early"/>, and what
    /// is asked of it waits in <see cref="Deferred"/>.
    /// </summary>
    public bool Launched { get; set; }

    /// <summary>What the launcher reported before the start was over, replayed in order right after it.</summary>
    public List<Action>? Early { get; set; }

    /// <summary>What callers asked before the start was over (a pause, a terminate, a join), done right after it.</summary>
    public List<Action>? Deferred { get; set; }

    /// <summary>For a pool worker that replaces another: the one it replaces and why that one ended (published once it has started).</summary>
    public (WorkerId Worker, string Why)? Replaces { get; set; }

    public WorkerState State { get; set; } = WorkerState.Starting;

    public WorkerExit? Exit { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>
    /// Paused by the user and not continued since (a resume or a terminate continues it): explains a 'T' state,
    /// and keeps the worker out of the pause-on-wait scheduler, which must not continue it.
    /// </summary>
    public bool PausedByUser { get; set; }

    /// <summary>Stopped by the pause-on-wait scheduler, waiting in its queue for a slot.</summary>
    public bool QueuedByScheduler { get; set; }

    /// <summary>
    /// Why the scheduler's last decision should bring the worker to a state: joined to the reason of the next
    /// change to that state (a stop shows as "queued for a slot", not merely "stopped").
    /// </summary>
    public (WorkerState To, string Why)? PendingNote { get; set; }

    /// <summary>When the scheduler last stopped or continued it: a reading taken before says nothing about it now.</summary>
    public DateTimeOffset? LastSchedulerSignalAt { get; set; }

    /// <summary>When a reading last showed it waiting (pause-on-wait mode): how late a wake-up was noticed.</summary>
    public DateTimeOffset? LastWaitingReadAt { get; set; }

    public bool Terminating { get; set; }

    /// <summary>The pool it works for, if it is a pool worker.</summary>
    public PoolRun? Pool { get; set; }

    /// <summary>Pool inputs not yet taken by its stdin pipe.</summary>
    public MemoryStream PendingInput { get; } = new();

    /// <summary>The pending SIGKILL of a terminate, cancelled when the worker ends first.</summary>
    public IDisposable? Escalation { get; set; }

    public bool Joined { get; set; }

    /// <summary>The reader says its output pipes are held (a lossless consumer is behind on it).</summary>
    public bool OutputHeld { get; set; }

    /// <summary>A <see cref="WorkerOutputHeld"/> with Held = true was published and not yet undone.</summary>
    public bool OutputHeldReported { get; set; }

    /// <summary>The pending report of a hold, cancelled when the hold ends first.</summary>
    public IDisposable? OutputHeldNotice { get; set; }

    public long OutputLines { get; set; }

    /// <summary>Start time reported by the OS at the first reading: a later reading with another start time is another process.</summary>
    public ulong? OsStartTime { get; set; }

    public CpuMeter Cpu { get; } = new();

    public ProcessSample? LastSample { get; set; }

    /// <summary>Live descendants by PID.</summary>
    public Dictionary<int, DescendantRecord> Descendants { get; } = [];

    public TaskCompletionSource<WorkerExit> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsAlive => Exit is null;

    /// <summary>
    /// A request made while the start is not over is kept, to be done right after it (<see cref="RunEarlyReportsThenDeferredRequests"/>).
    /// </summary>
    /// <returns>True when <paramref name="request"/> was kept; false when the start is over and the caller goes on.</returns>
    public bool DeferUntilLaunched(Action request)
    {
        if (Launched)
        {
            return false;
        }

        (Deferred ??= []).Add(request);
        return true;
    }

    /// <summary>Does <paramref name="request"/> now, or right after the start if it is not over.</summary>
    public void RunOnceLaunched(Action request)
    {
        if (!DeferUntilLaunched(request))
        {
            request();
        }
    }

    /// <summary>Keeps what the launcher reported before the start was over, to be replayed right after it.</summary>
    public void KeepEarlyReport(Action report) => (Early ??= []).Add(report);

    /// <summary>The start is over: replays the early reports, then does the deferred requests, in order.</summary>
    public void RunEarlyReportsThenDeferredRequests()
    {
        foreach (Action report in Early ?? [])
        {
            report();
        }

        Early = null;
        foreach (Action request in Deferred ?? [])
        {
            request();
        }

        Deferred = null;
    }

    public WorkerInfo ToInfo() => new(
        Id, Spec, Handle?.Pid, State, Exit, StartedAt, EndedAt, Joined, OutputLines, LastSample,
        [.. Descendants.Values.Select(d => d.LastSample).OfType<ProcessSample>()], PausedByUser, QueuedByScheduler, OutputHeldReported);
}
