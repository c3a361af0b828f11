using System.Collections.Immutable;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

/// <summary>
/// Owns worker processes: spawns, pauses, resumes, terminates, kills and joins them, and publishes
/// everything that happens as one event stream. What the UI and the headless runner see of it.
/// </summary>
/// <remarks>All members are thread-safe. Unknown worker IDs throw <see cref="ArgumentException"/>.</remarks>
public interface ISupervisor : IAsyncDisposable, IDisposable
{
    /// <summary>Live events from the moment of subscription.</summary>
    /// <remarks>Delivered on the supervisor's delivery scheduler; use ObserveOn right before Subscribe to move them.</remarks>
    IObservable<SupervisorEvent> Events { get; }

    /// <summary>
    /// A <see cref="SupervisorSnapshot"/> of every worker, then live events from exactly that point: what a
    /// late subscriber (a panel opened later) needs to start from a complete picture.
    /// </summary>
    IObservable<SupervisorEvent> EventsWithSnapshot { get; }

    /// <summary>
    /// A <see cref="SupervisorSnapshot"/>, then every live event, none ever dropped: for what a user or a
    /// recording consumes (printed output, an events file), where a hole is a lie. A consumer that falls
    /// behind holds back the workers whose output it waits on: their pipes are not read until it catches
    /// up, so they block in <c>write()</c> as in a shell pipeline (<see cref="WorkerOutputHeld"/> says so),
    /// while the others run on. Only an observer stalled for minutes loses anything (samples and state
    /// changes, never output, results or lifecycle events), and is told with <see cref="EventsDropped"/>.
    /// Disposing the subscription lets go of every worker it held.
    /// </summary>
    /// <param name="consumer">Who consumes, for people ("stdout", "the events file"): named in <see cref="WorkerOutputHeld"/>.</param>
    /// <param name="delivery">Where events are delivered, one at a time: a thread of the consumer's own, since
    /// its observer may block (writing to a pipe nobody reads yet) and that must hold up nothing else.</param>
    IObservable<SupervisorEvent> LosslessEvents(string consumer, System.Reactive.Concurrency.IScheduler delivery);

    /// <summary>Every worker as it is now, in spawn order.</summary>
    ImmutableArray<WorkerInfo> Snapshot();

    /// <summary>Starts a worker. A worker the OS refuses to start still gets an ID; it ends at once with the reason.</summary>
    /// <exception cref="ObjectDisposedException">The supervisor is shutting down.</exception>
    WorkerId Spawn(WorkerSpec spec);

    /// <summary>The scheduling mode, and the run slots of pause-on-wait mode.</summary>
    (SchedulingMode Mode, int Slots) Scheduling { get; }

    /// <summary>
    /// Switches the scheduling mode, live: workers alive are taken over (pause-on-wait: the running ones
    /// get the free slots in spawn order, the others are queued) or let go (parallel: queued workers are
    /// continued). Workers the user paused stay paused either way.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slots"/> is below 1.</exception>
    /// <exception cref="ObjectDisposedException">The supervisor is shutting down.</exception>
    void SetScheduling(SchedulingMode mode, int slots);

    /// <summary>
    /// Starts a pool (Python's <c>Pool(size).map</c>): <see cref="PoolRequest.Size"/> long-lived workers that
    /// take the inputs one after another over their stdin. Results arrive as <see cref="ResultRecorded"/>
    /// events; a worker that dies is replaced and its input reported failed; the pool closes its workers'
    /// stdin once every input has an outcome, and is joined when they have ended (<see cref="PoolFinished"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The request is not valid (<see cref="PoolRequest.Problem"/>).</exception>
    /// <exception cref="ObjectDisposedException">The supervisor is shutting down.</exception>
    PoolId StartPool(PoolRequest request);

    /// <summary>Waits until the pool is finished and joined.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<PoolOutcome> JoinPoolAsync(PoolId pool, CancellationToken cancellationToken = default);

    /// <summary>Pauses the worker and its process group (SIGSTOP).</summary>
    /// <returns>False when it has already ended.</returns>
    bool Pause(WorkerId worker);

    /// <summary>
    /// Resumes a paused worker and its process group (SIGCONT). In pause-on-wait mode it rejoins the
    /// scheduler instead: continued if a slot is free, queued (still stopped) if not.
    /// </summary>
    /// <returns>False when it has already ended.</returns>
    bool Resume(WorkerId worker);

    /// <summary>
    /// Asks the worker's process group to end (SIGTERM, then SIGCONT so that a paused worker receives it),
    /// and kills it (SIGKILL) if it is still alive after <paramref name="gracePeriod"/>.
    /// </summary>
    /// <param name="worker">The worker.</param>
    /// <param name="gracePeriod">How long to wait before SIGKILL; default <see cref="SupervisorOptions.GracePeriod"/>.</param>
    /// <returns>How it ended.</returns>
    Task<WorkerExit> TerminateAsync(WorkerId worker, TimeSpan? gracePeriod = null);

    /// <summary>Kills the worker's process group at once (SIGKILL).</summary>
    /// <returns>False when it has already ended.</returns>
    bool Kill(WorkerId worker);

    /// <summary>Waits, without blocking a thread, until the worker ends (Python's <c>p.join(timeout)</c>).</summary>
    /// <returns>How it ended; null when <paramref name="timeout"/> came first.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<WorkerExit?> JoinAsync(WorkerId worker, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Joins every worker spawned so far, all within one <paramref name="timeout"/>.</summary>
    /// <returns>True when all of them ended in time.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<bool> JoinAllAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Terminates every live worker (see <see cref="TerminateAsync"/>) and waits until all have ended. Pools
    /// stop first: inputs not yet handed out never run, and no worker is replaced.
    /// </summary>
    Task TerminateAllAsync(TimeSpan? gracePeriod = null);
}
