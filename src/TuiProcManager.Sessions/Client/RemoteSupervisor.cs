using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Google.Protobuf.WellKnownTypes;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;
using PoolId = TuiProcManager.Core.Pooling.PoolId;
using PoolOutcome = TuiProcManager.Core.Pooling.PoolOutcome;
using PoolRequest = TuiProcManager.Core.Pooling.PoolRequest;
using WorkerExit = TuiProcManager.Core.Workers.WorkerExit;
using WorkerSpec = TuiProcManager.Core.Workers.WorkerSpec;
using CorePauseOutcome = TuiProcManager.Core.Supervision.PauseOutcome;
using WatchStart = TuiProcManager.Protocol.V1.WatchRequest.Types.Start;
using WatchDelivery = TuiProcManager.Protocol.V1.WatchRequest.Types.Delivery;

namespace TuiProcManager.Sessions.Client;

/// <summary>
/// A session's supervisor seen from another process: every command is a call, every stream a
/// <c>Watch</c>; the UI runs over it as over the supervisor in its own process. Its streams are read by
/// <see cref="WatchReader"/> (RemoteSupervisor.Streams.cs).
/// </summary>
/// <remarks>
/// Faults as <see cref="ISupervisor"/> says (<see cref="ArgumentException"/>, <see cref="ObjectDisposedException"/>);
/// a session that cannot be reached, or refuses for another reason, is a <see cref="SessionException"/>;
/// a stream whose server went away ends with OnError(<see cref="SessionException"/>).
/// </remarks>
/// <param name="calls">The session's client (over its socket, or a bridge).</param>
/// <param name="closing">Cancelled when the connection is closed: every open stream and call ends.</param>
public sealed class RemoteSupervisor(Session.SessionClient calls, CancellationToken closing) : ISupervisor
{
    private readonly string _client = Guid.NewGuid().ToString("N");
    private long _sequence;

    /// <inheritdoc />
    public IObservable<SupervisorEvent> Events =>
        Watch(WatchStart.Snapshot, WatchDelivery.Lossy, consumer: "", delivery: null).SelectMany(b => b).Where(e => e is not SupervisorSnapshot);

    /// <inheritdoc />
    public IObservable<SupervisorEvent> EventsWithSnapshot =>
        Watch(WatchStart.Snapshot, WatchDelivery.Lossy, consumer: "", delivery: null).SelectMany(b => b);

    /// <inheritdoc />
    /// <remarks>
    /// Remotely, the stream starts from the session's kept history (what a screen that stayed would show):
    /// its first event is a snapshot of the empty session. The server paces the live part (a batch per
    /// window, the oldest output dropped for a slow reader); here each message is one batch, and the next
    /// is not read from the socket before the last has been applied, so a slow screen slows only its own stream.
    /// </remarks>
    public IObservable<IList<SupervisorEvent>> ScreenBatches(ScreenPacing pacing, IScheduler delivery) =>
        Watch(WatchStart.History, WatchDelivery.Lossy, consumer: "", delivery);

    /// <inheritdoc />
    public IObservable<SupervisorEvent> LosslessEvents(string consumer, IScheduler delivery) =>
        Watch(WatchStart.Snapshot, WatchDelivery.Lossless, consumer, delivery).SelectMany(b => b);

    /// <inheritdoc />
    public Task<WorkerId> SpawnAsync(WorkerSpec spec) => RpcFaults.Call(async () =>
        new WorkerId((await calls.SpawnAsync(new SpawnRequest { Spec = spec.ToWire() }, headers: Ordered(), cancellationToken: closing)).Worker));

    /// <inheritdoc />
    public Task<PoolId> StartPoolAsync(PoolRequest request) => RpcFaults.Call(async () =>
        new PoolId((await calls.StartPoolAsync(new StartPoolRequest { Request = request.ToWire() }, headers: Ordered(), cancellationToken: closing)).Pool));

    /// <inheritdoc />
    public Task<PoolOutcome> JoinPoolAsync(PoolId pool, CancellationToken cancellationToken = default) => RpcFaults.Call(async () =>
    {
        using CancellationTokenSource both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, closing);
        return (await calls.JoinPoolAsync(new JoinPoolRequest { Pool = pool.Value }, headers: Ordered(), cancellationToken: both.Token)).Outcome.ToCore();
    });

    /// <inheritdoc />
    public Task<CorePauseOutcome> PauseOrResumeAsync(WorkerId worker) => RpcFaults.Call(async () =>
        (await calls.PauseAsync(new PauseRequest { Worker = worker.Value, Want = PauseRequest.Types.Want.Toggle }, headers: Ordered(), cancellationToken: closing)).Outcome.ToCore());

    /// <inheritdoc />
    public Task<WorkerExit> TerminateAsync(WorkerId worker, TimeSpan? gracePeriod = null) => RpcFaults.Call(async () =>
        (await calls.TerminateAsync(new TerminateRequest { Worker = worker.Value, Grace = DurationOf(gracePeriod) }, headers: Ordered(), cancellationToken: closing)).Exit.ToCore());

    /// <inheritdoc />
    public Task<bool> KillAsync(WorkerId worker) => RpcFaults.Call(async () =>
        (await calls.KillAsync(new KillRequest { Worker = worker.Value }, headers: Ordered(), cancellationToken: closing)).Sent);

    /// <inheritdoc />
    public Task<WorkerExit?> JoinAsync(WorkerId worker, TimeSpan? timeout = null, CancellationToken cancellationToken = default) => RpcFaults.Call(async () =>
    {
        using CancellationTokenSource both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, closing);
        JoinReply reply = await calls.JoinAsync(new JoinRequest { Worker = worker.Value, Timeout = DurationOf(timeout) }, headers: Ordered(), cancellationToken: both.Token);
        return reply.Exit?.ToCore();
    });

    /// <inheritdoc />
    public Task<int> TerminateAllAsync(TimeSpan? gracePeriod = null) => RpcFaults.Call(async () =>
        (await calls.TerminateAllAsync(new TerminateAllRequest { Grace = DurationOf(gracePeriod) }, headers: Ordered(), cancellationToken: closing)).Count);

    /// <inheritdoc />
    public Task<int> KillAllAsync() => RpcFaults.Call(async () =>
        (await calls.KillAllAsync(new KillAllRequest(), headers: Ordered(), cancellationToken: closing)).Count);

    /// <inheritdoc />
    public Task<bool> JoinAllAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) => RpcFaults.Call(async () =>
    {
        using CancellationTokenSource both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, closing);
        return (await calls.JoinAllAsync(new JoinAllRequest { Timeout = DurationOf(timeout) }, headers: Ordered(), cancellationToken: both.Token)).AllEnded;
    });

    /// <inheritdoc />
    public Task<SchedulingOutcome> ChangeSchedulingAsync(SchedulingChange change) => RpcFaults.Call(async () =>
        (await calls.ChangeSchedulingAsync(change.ToWire(), headers: Ordered(), cancellationToken: closing)).ToCore());

    private IObservable<IList<SupervisorEvent>> Watch(WatchStart start, WatchDelivery lossy, string consumer, IScheduler? delivery) =>
        Observable.Create<IList<SupervisorEvent>>(observer =>
            WatchReader.Start(calls, new WatchRequest { Start = start, Follow = true, Delivery = lossy, Consumer = consumer }, observer, delivery, closing));

    /// <summary>This command's place in this client's order (<see cref="CallHeaders"/>): the session decides them as sent.</summary>
    private Grpc.Core.Metadata Ordered() => new()
    {
        { CallHeaders.Client, _client },
        { CallHeaders.Sequence, Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    private static Duration? DurationOf(TimeSpan? span) => span is { } s ? Duration.FromTimeSpan(s) : null;
}
