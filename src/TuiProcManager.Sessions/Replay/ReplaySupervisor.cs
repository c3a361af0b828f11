using System.Reactive.Concurrency;
using System.Reactive.Linq;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Sessions.Recording;

namespace TuiProcManager.Sessions.Replay;

/// <summary>
/// A recorded session as a supervisor (<c>tuiproc replay</c>): its events come from the recording
/// (<see cref="RecordingReader"/>) at their recorded times on <see cref="Clock"/>, so that the UI shows every
/// panel as it was at each moment, fed the way a live session feeds it. Nothing in it can be changed: every
/// command is refused with <see cref="Refusal"/> (the UI refuses those keys before they get here).
/// </summary>
/// <remarks>
/// <para>
/// Each subscription plays on a thread of its own. It starts with the moment the clock shows
/// (<see cref="RecordingReader.HistoryAt"/>: a snapshot, then the kept history), then hands over the events
/// that have come due, at most one batch in flight (the next waits until the observer has returned). After a
/// seek (<see cref="ReplayClock.Generation"/>), or when more events come due at once than a screen takes
/// (<see cref="ScreenPacing.MaxWaiting"/>: a flood played fast), it starts again from the moment: a batch
/// that opens with a snapshot, which every panel takes as the whole picture. So the screen skips; the
/// recording never loses anything.
/// </para>
/// <para>
/// The streams never complete: at the recording's end the screen stays on its last moment, as a player does,
/// and a seek plays again.
/// </para>
/// </remarks>
public sealed class ReplaySupervisor(RecordingReader reader, ReplayClock clock) : ISupervisor
{
    /// <summary>What every command is answered with.</summary>
    public const string Refusal = "this is a recording: nothing in it can be changed";

    /// <summary>The recording.</summary>
    public RecordingReader Reader { get; } = reader ?? throw new ArgumentNullException(nameof(reader));

    /// <summary>The replay's clock.</summary>
    public ReplayClock Clock { get; } = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <inheritdoc />
    public IObservable<SupervisorEvent> Events => EventsWithSnapshot.Where(e => e is not SupervisorSnapshot);

    /// <inheritdoc />
    public IObservable<SupervisorEvent> EventsWithSnapshot => Play(ScreenPacing.Default.Window, int.MaxValue, ImmediateScheduler.Instance).SelectMany(b => b);

    /// <inheritdoc />
    public IObservable<IList<SupervisorEvent>> ScreenBatches(ScreenPacing pacing, IScheduler delivery)
    {
        ArgumentNullException.ThrowIfNull(pacing);
        ArgumentNullException.ThrowIfNull(delivery);
        return Play(pacing.Window, pacing.MaxWaiting, delivery);
    }

    /// <inheritdoc />
    public IObservable<SupervisorEvent> LosslessEvents(string consumer, IScheduler delivery) =>
        Play(ScreenPacing.Default.Window, int.MaxValue, delivery ?? throw new ArgumentNullException(nameof(delivery))).SelectMany(b => b);

    /// <inheritdoc />
    public Task<WorkerId> SpawnAsync(WorkerSpec spec) => Refused<WorkerId>();

    /// <inheritdoc />
    public Task<PoolId> StartPoolAsync(PoolRequest request) => Refused<PoolId>();

    /// <inheritdoc />
    public Task<PoolOutcome> JoinPoolAsync(PoolId pool, CancellationToken cancellationToken = default) => Refused<PoolOutcome>();

    /// <inheritdoc />
    public Task<PauseOutcome> PauseOrResumeAsync(WorkerId worker) => Refused<PauseOutcome>();

    /// <inheritdoc />
    public Task<WorkerExit> TerminateAsync(WorkerId worker, TimeSpan? gracePeriod = null) => Refused<WorkerExit>();

    /// <inheritdoc />
    public Task<bool> KillAsync(WorkerId worker) => Refused<bool>();

    /// <inheritdoc />
    public Task<WorkerExit?> JoinAsync(WorkerId worker, TimeSpan? timeout = null, CancellationToken cancellationToken = default) => Refused<WorkerExit?>();

    /// <inheritdoc />
    public Task<int> TerminateAllAsync(TimeSpan? gracePeriod = null) => Refused<int>();

    /// <inheritdoc />
    public Task<int> KillAllAsync() => Refused<int>();

    /// <inheritdoc />
    public Task<bool> JoinAllAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) => Refused<bool>();

    /// <inheritdoc />
    public Task<SchedulingOutcome> ChangeSchedulingAsync(SchedulingChange change) => Refused<SchedulingOutcome>();

    private static Task<T> Refused<T>() => Task.FromException<T>(new InvalidOperationException(Refusal));

    /// <summary>Batches of the recording at the clock's pace, on <paramref name="delivery"/>, one in flight.</summary>
    private IObservable<IList<SupervisorEvent>> Play(TimeSpan window, int maxBatch, IScheduler delivery) =>
        Observable.Create<IList<SupervisorEvent>>(observer =>
        {
            ReplayPlayer player = new(Reader, Clock, observer, delivery, window, maxBatch);
            player.Start();
            return player;
        });
}
