using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;
using WorkerExit = TuiProcManager.Core.Workers.WorkerExit;
using WorkerInfo = TuiProcManager.Core.Events.WorkerInfo;
using WorkerState = TuiProcManager.Core.Workers.WorkerState;
using CorePauseOutcome = TuiProcManager.Core.Supervision.PauseOutcome;

namespace TuiProcManager.Sessions.Server;

/// <summary>
/// The session's gRPC service: every call is a command of the supervisor, decided by it under its lock in
/// the order calls arrive, whoever sends them; <see cref="Watch"/> is its event stream (SessionService.Watch.cs).
/// </summary>
/// <param name="supervisor">The session's supervisor (the server owns and stops it).</param>
/// <param name="history">The session's past, for screens that attach.</param>
/// <param name="linger">Counts the clients attached (through <see cref="AttachedClients"/>).</param>
/// <param name="info">What the session is.</param>
/// <param name="time">The server's clock.</param>
/// <param name="end">Ends the session once its workers have ended (called after End's reply is sent).</param>
/// <param name="order">Keeps each client's commands in its order (a new one by default).</param>
public sealed partial class SessionService(
    Supervisor supervisor,
    SessionHistory history,
    SessionLinger linger,
    SessionInfo info,
    TimeProvider time,
    Action end,
    CommandOrder? order = null) : Session.SessionBase
{
    private readonly CommandOrder _order = order ?? new CommandOrder(time);
    private readonly AttachedClients _clients = new(linger, supervisor, new QuietCollector(time));

    /// <inheritdoc />
    public override Task<HelloReply> Hello(HelloRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (ProtocolVersion.Mismatch(request.Major, request.Client, ProtocolVersion.Major, ProtocolVersion.Program) is { } mismatch)
        {
            throw Refusals.Refused(mismatch);
        }

        return Task.FromResult(new HelloReply
        {
            Major = ProtocolVersion.Major,
            Revision = ProtocolVersion.Revision,
            Server = ProtocolVersion.Program,
            Session = CurrentStatus(),
            Lab = Lab is { } lab ? new LabInfo { Id = lab.Keeper.Lab.Id, Source = lab.Source } : null,
            Role = RoleOf(context),
            Owner = Transport.UserNames.NameOf(Owner),
        });
    }

    /// <inheritdoc />
    public override Task<SessionStatus> Status(StatusRequest request, ServerCallContext context) => Task.FromResult(CurrentStatus());

    /// <inheritdoc />
    public override Task<SpawnReply> Spawn(SpawnRequest request, ServerCallContext context) => Refusals.Run(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        WorkerId id = await Decide(context, () => supervisor.SpawnAsync(Required(request.Spec, "spec").ToCore())).ConfigureAwait(false);
        return new SpawnReply { Worker = id.Value };
    });

    /// <inheritdoc />
    public override Task<StartPoolReply> StartPool(StartPoolRequest request, ServerCallContext context) => Refusals.Run(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        Core.Pooling.PoolId id = await Decide(context, () => supervisor.StartPoolAsync(Required(request.Request, "request").ToCore())).ConfigureAwait(false);
        return new StartPoolReply { Pool = id.Value };
    });

    /// <inheritdoc />
    public override Task<JoinPoolReply> JoinPool(JoinPoolRequest request, ServerCallContext context) => Refusals.Run(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        Core.Pooling.PoolOutcome outcome = await Decide(context, () => supervisor.JoinPoolAsync(new Core.Pooling.PoolId(request.Pool), context.CancellationToken)).ConfigureAwait(false);
        return new JoinPoolReply { Outcome = outcome.ToWire() };
    });

    /// <inheritdoc />
    public override Task<PauseReply> Pause(PauseRequest request, ServerCallContext context) => Refusals.Run(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        CorePauseOutcome outcome = await Decide(context, () => PauseAsWanted(new WorkerId(request.Worker), request.Want)).ConfigureAwait(false);
        return new PauseReply { Outcome = outcome.ToWire() };
    });

    /// <summary>
    /// The <c>p</c> key's toggle; ctl's pause and resume say no rather than undo: a worker already as asked
    /// is refused. Its state is read just before the toggle, outside the supervisor's lock: a change in
    /// between (a p in the UI at the same moment) makes the toggle do the other thing, as two p presses would.
    /// </summary>
    private Task<CorePauseOutcome> PauseAsWanted(WorkerId worker, PauseRequest.Types.Want want)
    {
        if (want != PauseRequest.Types.Want.Toggle)
        {
            WorkerInfo now = supervisor.Snapshot().FirstOrDefault(w => w.Worker == worker)
                ?? throw new ArgumentException($"there is no worker {worker}");
            bool paused = now.PausedByUser || (now.State == WorkerState.Paused && !now.Queued);
            if (now.State == WorkerState.Ended)
            {
                throw Refusals.Refused($"worker {worker} has ended");
            }

            if (paused == (want == PauseRequest.Types.Want.Pause))
            {
                throw Refusals.Refused(paused ? $"worker {worker} is already paused" : $"worker {worker} is not paused");
            }
        }

        return supervisor.PauseOrResumeAsync(worker);
    }

    /// <inheritdoc />
    public override Task<TerminateReply> Terminate(TerminateRequest request, ServerCallContext context) => Refusals.Run(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        WorkerExit exit = await Decide(context, () => supervisor.TerminateAsync(new WorkerId(request.Worker), request.Grace?.ToTimeSpan())).ConfigureAwait(false);
        return new TerminateReply { Exit = exit.ToWire() };
    });

    /// <inheritdoc />
    public override Task<KillReply> Kill(KillRequest request, ServerCallContext context) => Refusals.Run(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        return new KillReply { Sent = await Decide(context, () => supervisor.KillAsync(new WorkerId(request.Worker))).ConfigureAwait(false) };
    });

    /// <inheritdoc />
    public override Task<JoinReply> Join(JoinRequest request, ServerCallContext context) => Refusals.Run(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        WorkerExit? exit = await Decide(context, () => supervisor.JoinAsync(new WorkerId(request.Worker), request.Timeout?.ToTimeSpan(), context.CancellationToken)).ConfigureAwait(false);
        return new JoinReply { Exit = exit?.ToWire() };
    });

    /// <inheritdoc />
    public override Task<CountReply> TerminateAll(TerminateAllRequest request, ServerCallContext context) => Refusals.Run(async () =>
        new CountReply { Count = await Decide(context, () => supervisor.TerminateAllAsync(request?.Grace?.ToTimeSpan())).ConfigureAwait(false) });

    /// <inheritdoc />
    public override Task<CountReply> KillAll(KillAllRequest request, ServerCallContext context) => Refusals.Run(async () =>
        new CountReply { Count = await Decide(context, supervisor.KillAllAsync).ConfigureAwait(false) });

    /// <inheritdoc />
    public override Task<JoinAllReply> JoinAll(JoinAllRequest request, ServerCallContext context) => Refusals.Run(async () =>
    {
        ArgumentNullException.ThrowIfNull(context);
        return new JoinAllReply { AllEnded = await Decide(context, () => supervisor.JoinAllAsync(request?.Timeout?.ToTimeSpan(), context.CancellationToken)).ConfigureAwait(false) };
    });

    /// <inheritdoc />
    public override Task<SchedulingReply> ChangeScheduling(SchedulingChangeRequest request, ServerCallContext context) => Refusals.Run(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        SchedulingOutcome outcome = await Decide(context, () => supervisor.ChangeSchedulingAsync(request.ToCore())).ConfigureAwait(false);
        return outcome.ToWire();
    });

    /// <inheritdoc />
    public override async Task<EndReply> End(EndRequest request, ServerCallContext context)
    {
        int terminated = await Decide(context, () => supervisor.TerminateAllAsync(request?.Grace?.ToTimeSpan())).ConfigureAwait(false);
        string? recordProblem = Finish is null ? null : await Finish().ConfigureAwait(false);
        // The reply is written once this returns; the server is stopped a moment later, on its own thread.
        _ = Task.Run(async () =>
        {
            await Task.Delay(EndReplyAllowance, time).ConfigureAwait(false);
            end();
        });
        return new EndReply { Terminated = terminated, RecordProblem = recordProblem ?? "" };
    }

    /// <summary>How long End's reply has to reach the client before the server stops.</summary>
    private static readonly TimeSpan EndReplyAllowance = TimeSpan.FromMilliseconds(100);

    private SessionStatus CurrentStatus()
    {
        (Core.Scheduling.SchedulingMode mode, int slots) = supervisor.Scheduling;
        DateTimeOffset? endsAt = linger.EndsAt;
        SessionStatus status = new()
        {
            Name = info.Name,
            ServerPid = info.ServerPid,
            StartedAt = Timestamp.FromDateTimeOffset(info.StartedAt),
            Workers = history.Spawned,
            WorkersAlive = history.Alive,
            Clients = linger.Clients,
            Lab = Lab?.Keeper.Lab.Id ?? "",
            Linger = linger.Linger is { } l ? Duration.FromTimeSpan(l) : null,
            EndsAt = endsAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            Mode = mode.ToWire(),
            Slots = slots,
            Now = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
            Watchers = { Sharing.Watchers.Select(ToWire) },
            Grants = { Sharing.Grants.Select(ToWire) },
        };
        AddClassFigures(status);
        return status;
    }

    /// <summary>
    /// Runs a command in its client's order (<see cref="CommandOrder"/>): the supervisor decides it at the
    /// call, under its lock; the turn ends there, and what the command waits for (an end, a join) is
    /// awaited after, without holding up the client's next command.
    /// </summary>
    private async Task<T> Decide<T>(ServerCallContext context, Func<Task<T>> command)
    {
        Task<T> decided;
        using (await _order.TurnAsync(context).ConfigureAwait(false))
        {
            decided = command();
        }

        return await decided.ConfigureAwait(false);
    }

    private static T Required<T>(T? message, string field)
        where T : class =>
        message ?? throw new ProtocolException(field + ": missing");
}
