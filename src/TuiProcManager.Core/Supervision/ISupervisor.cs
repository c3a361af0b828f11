using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

/// <summary>
/// What a client of the supervisor — the UI, <c>tuiproc run</c>, a lab, and later a client in another
/// process — has of it: intent-level commands and the event stream, nothing else. A client never reads the
/// supervisor's state: each command is decided by the supervisor, under its lock, from its own state, and
/// answered with an outcome; what the client shows comes back on the stream.
/// </summary>
/// <remarks>
/// <para>
/// Every command returns a task, so that an implementation over a wire (one request out, one outcome back,
/// events on a stream of their own) has the same shape as the in-process <see cref="Supervisor"/>, whose
/// tasks are already complete when the call returns, except those that wait for an end or a join.
/// Requests and outcomes are plain records and enums, ready to be serialised.
/// </para>
/// <para>
/// Faults: an unknown worker or pool, or a request that is not valid, fails the task with
/// <see cref="ArgumentException"/>; a supervisor that is shutting down refuses new work (spawn, pool,
/// scheduling) with <see cref="ObjectDisposedException"/>. Stopping the supervisor is its owner's business
/// (the composition root disposes it), not a client's.
/// </para>
/// </remarks>
public interface ISupervisor
{
    /// <summary>Live events from the moment of subscription.</summary>
    /// <remarks>
    /// Delivered one at a time on the supervisor's delivery scheduler. A subscriber that falls behind loses the
    /// oldest output lines and samples it has waiting, as in <see cref="ScreenBatches"/>, and is told with
    /// <see cref="EventsDropped"/>. For a screen, use <see cref="ScreenBatches"/>: ObserveOn after this would
    /// queue without a bound.
    /// </remarks>
    IObservable<SupervisorEvent> Events { get; }

    /// <summary>
    /// A <see cref="SupervisorSnapshot"/> of every worker, then live events from exactly that point: what a
    /// late subscriber (a panel opened later, a client connecting) needs to start from a complete picture.
    /// </summary>
    IObservable<SupervisorEvent> EventsWithSnapshot { get; }

    /// <summary>
    /// A <see cref="SupervisorSnapshot"/>, then live events in batches paced for a screen: the first event of a
    /// quiet spell opens a window of <see cref="ScreenPacing.Window"/>, after which everything waiting is one
    /// batch, delivered on <paramref name="delivery"/>; the next batch is not delivered before the observer has
    /// returned from the last one. While the observer is behind, at most <see cref="ScreenPacing.MaxWaiting"/>
    /// events wait: the oldest output lines and samples are dropped first (state changes and signals only far
    /// beyond that; spawned, ended and join events never), so what arrives is the newest output, and each gap
    /// is an <see cref="EventsDropped"/> where the dropped events were. No timer runs while nothing happens.
    /// </summary>
    /// <param name="pacing">The window and the bound (<see cref="ScreenPacing.Default"/> for a terminal UI).</param>
    /// <param name="delivery">Where batches, OnError and OnCompleted are delivered: the UI thread. It is never
    /// called under the supervisor's lock, so it may be a scheduler whose own lock the UI thread holds while
    /// it calls the supervisor.</param>
    /// <remarks>OnError means the supervisor itself broke (a crashed worker is an event): the screen must say so.</remarks>
    IObservable<IList<SupervisorEvent>> ScreenBatches(ScreenPacing pacing, IScheduler delivery);

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
    IObservable<SupervisorEvent> LosslessEvents(string consumer, IScheduler delivery);

    /// <summary>Starts a worker. A worker the OS refuses to start still gets an ID; it ends at once with the reason.</summary>
    Task<WorkerId> SpawnAsync(WorkerSpec spec);

    /// <summary>
    /// Starts a pool (Python's <c>Pool(size).map</c>): <see cref="PoolRequest.Size"/> long-lived workers that
    /// take the inputs one after another over their stdin. Results arrive as <see cref="ResultRecorded"/>
    /// events; a worker that dies is replaced and its input reported failed; the pool closes its workers'
    /// stdin once every input has an outcome, and is joined when they have ended (<see cref="PoolFinished"/>).
    /// </summary>
    Task<PoolId> StartPoolAsync(PoolRequest request);

    /// <summary>Completes when the pool is finished and joined.</summary>
    Task<PoolOutcome> JoinPoolAsync(PoolId pool, CancellationToken cancellationToken = default);

    /// <summary>
    /// The <c>p</c> key: pauses a running or waiting worker (SIGSTOP to its process group), or resumes one
    /// that is paused (SIGCONT; in pause-on-wait mode it rejoins the queue for a slot instead). A worker
    /// stopped in the pause-on-wait queue is not paused: it is paused (it leaves the queue and stays stopped).
    /// Decided on the supervisor's own state, so a quick second request undoes the first.
    /// </summary>
    Task<PauseOutcome> PauseOrResumeAsync(WorkerId worker);

    /// <summary>
    /// Asks the worker's process group to end (SIGTERM, then SIGCONT so that a paused worker receives it),
    /// and kills it (SIGKILL) if it is still alive after <paramref name="gracePeriod"/>.
    /// </summary>
    /// <param name="worker">The worker.</param>
    /// <param name="gracePeriod">How long to wait before SIGKILL; default <see cref="SupervisorOptions.GracePeriod"/>.</param>
    /// <returns>How it ended, once it has.</returns>
    Task<WorkerExit> TerminateAsync(WorkerId worker, TimeSpan? gracePeriod = null);

    /// <summary>Kills the worker's process group at once (SIGKILL).</summary>
    /// <returns>False when it had already ended: nothing was sent.</returns>
    Task<bool> KillAsync(WorkerId worker);

    /// <summary>Waits until the worker ends (Python's <c>p.join(timeout)</c>).</summary>
    /// <returns>How it ended; null when <paramref name="timeout"/> came first.</returns>
    Task<WorkerExit?> JoinAsync(WorkerId worker, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Terminates every live worker (see <see cref="TerminateAsync"/>) and completes when all have ended.
    /// Pools stop first: inputs not yet handed out never run, and no worker is replaced.
    /// </summary>
    /// <returns>How many workers were alive and asked to end.</returns>
    Task<int> TerminateAllAsync(TimeSpan? gracePeriod = null);

    /// <summary>Kills every live worker's process group at once (SIGKILL), pools first as in <see cref="TerminateAllAsync"/>.</summary>
    /// <returns>How many workers were sent SIGKILL.</returns>
    Task<int> KillAllAsync();

    /// <summary>Joins every worker spawned so far, all within one <paramref name="timeout"/>.</summary>
    /// <returns>True when all of them ended in time.</returns>
    Task<bool> JoinAllAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the scheduling mode or the run slots, live (see <see cref="SchedulingChange"/>): workers alive
    /// are taken over (pause-on-wait: the running ones get the free slots in spawn order, the others are
    /// queued) or let go (parallel: queued workers are continued). Workers the user paused stay paused.
    /// </summary>
    /// <returns>The mode and slots now, and whether anything changed (not past a bound of the slots).</returns>
    Task<SchedulingOutcome> ChangeSchedulingAsync(SchedulingChange change);
}
