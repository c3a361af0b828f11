using System.Collections.Immutable;
using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

// Design: docs/decisions/0005-supervisor-single-lock.md
/// <summary>The supervisor, in this process: see <see cref="ISupervisor"/>. Its owner (the composition root) disposes it, which stops every worker.</summary>
/// <remarks>
/// <para>
/// One lock, <see cref="_gate"/>, guards every worker record, the event sequence, the subscriber list and the
/// state of the collaborators the supervisor coordinates: <see cref="WorkerTable"/>, <see cref="EventPublisher"/>,
/// <see cref="SignalSender"/>, <see cref="SlotScheduler"/>, <see cref="PoolDispatcher"/>, <see cref="OutputHolds"/>,
/// <see cref="ResourceSampler"/> and <see cref="PollingPace"/>. They have no lock of their own and are called with
/// the gate held, save where their remarks say (a round's /proc reads, the pace's timers). Every state change and the event that reports it happen together under it, which gives
/// the stream its total order and lets a new subscriber's snapshot join the live events without a gap.
/// Publishing under the gate is cheap and never blocks: it only appends to each subscriber's bounded queue.
/// </para>
/// <para>
/// Threads that take the gate: callers (commands, joins); the launch scheduler (phase two of a spawn); the
/// launcher's I/O thread (output, holds and exits, through <see cref="WorkerProcessEvents"/>); the clock
/// scheduler (sampling rounds, the polling pace, grace periods and output-hold notices through
/// <see cref="ScheduleUnderGate"/>). Nothing that can block happens under it: /proc is read outside it and the
/// readings applied after, with a check that the worker has not ended in between; <see cref="IProcessLauncher.Start"/>
/// runs outside it, in the two-phase spawn, which still publishes <see cref="WorkerSpawned"/> before anything the
/// new process reports; a pool's stdin is written without blocking.
/// </para>
/// <para>
/// Signals go through <see cref="IProcessHandle"/>, which refuses to signal a reaped process, so a PID the
/// kernel reused is never touched.
/// </para>
/// </remarks>
public sealed partial class Supervisor : ISupervisor, IAsyncDisposable, IDisposable
{
    private readonly Lock _gate = new();
    private readonly IProcessLauncher _launcher;
    private readonly SupervisorSchedulers _schedulers;
    private readonly SupervisorOptions _options;
    private readonly DeliveryLimits _limits;
    private readonly EventFanOut _fanOut = new();
    private readonly OutputFlow _flow = new();
    private readonly WorkerTable _workers = new();
    private readonly EventPublisher _events;
    private readonly SignalSender _signals;
    private readonly OutputHolds _holds;
    private readonly SlotScheduler _slotScheduler;
    private readonly PoolDispatcher _pools;
    private readonly PollingPace _pace;
    private readonly ResourceSampler _sampler;
    private bool _disposed;

    /// <summary>How long shutdown waits, beyond the grace period, for killed workers to be reported as ended.</summary>
    private static readonly TimeSpan ReapAllowance = TimeSpan.FromSeconds(2);

    /// <summary>Creates a supervisor; sampling starts at once.</summary>
    public Supervisor(IProcessLauncher launcher, IProcessProbe probe, SupervisorSchedulers schedulers, SupervisorOptions options)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(schedulers);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _launcher = launcher;
        _schedulers = schedulers;
        _options = options;
        _limits = new DeliveryLimits(options.SubscriberQueueCapacity, options.SubscriberQueueTextChars, options.LosslessQueueCapacity);
        _events = new EventPublisher(_fanOut, schedulers.Clock);
        _signals = new SignalSender(_events, ScheduleUnderGate);
        _slotScheduler = new SlotScheduler(_workers, _signals, _events);
        _pools = new PoolDispatcher(_events, _workers, SpawnLocked);
        _holds = new OutputHolds(_events, _flow, options.OutputHeldNoticeDelay, ScheduleUnderGate);
        _pace = new PollingPace(_gate, schedulers.Clock, options, _workers, _slotScheduler, SampleRound);
        _sampler = new ResourceSampler(probe, launcher, options, _events, _workers, _slotScheduler, _pace, OnStateRead);
        _pace.StartSampling();
    }

    /// <summary>Every worker as it is now, in spawn order. For the supervisor's own tests: clients fold the events instead.</summary>
    public ImmutableArray<WorkerInfo> Snapshot()
    {
        lock (_gate)
        {
            return [.. _workers.Select(w => w.ToInfo())];
        }
    }

    private DateTimeOffset Now => _schedulers.Clock.Now;

    /// <summary>Runs <paramref name="action"/> on the clock scheduler after <paramref name="due"/>, with the gate held.</summary>
    private IDisposable ScheduleUnderGate(TimeSpan due, Action action) =>
        _schedulers.Clock.Schedule(due, () =>
        {
            lock (_gate)
            {
                action();
            }
        });

    /// <summary>
    /// One sampling round, on the clock scheduler only (rounds never overlap): what to read is chosen under
    /// the gate, /proc is read outside it, and the readings are applied under it again.
    /// </summary>
    private void SampleRound(bool withResources)
    {
        SamplingRound round;
        lock (_gate)
        {
            round = _sampler.PlanRound(withResources);
        }

        _sampler.ReadRound(round);
        lock (_gate)
        {
            _sampler.ApplyRound(round);
            PoolDispatcher.FlushPendingInputs(_workers.Live);
        }
    }

    /// <summary>A reading classified a worker's state: the scheduler sees it first (its decision explains the change). Caller holds the gate.</summary>
    private void OnStateRead(WorkerRecord w, WorkerState state, string why, DateTimeOffset readAt)
    {
        _slotScheduler.ObserveForScheduling(w, state, readAt);
        ChangeState(w, state, why);
    }

    /// <summary>
    /// The worker's state changes and is published, with the reason the scheduler gave for it if its last
    /// decision led to this state. Caller holds the gate.
    /// </summary>
    private void ChangeState(WorkerRecord w, WorkerState to, string why)
    {
        if (w.State == to)
        {
            return;
        }

        if (w.PendingNote is { } note && note.To == to)
        {
            why = note.Why + ": " + why;
            w.PendingNote = null;
        }

        WorkerState from = w.State;
        w.State = to;
        _pace.NoteActivity(Now);
        _events.Publish(new WorkerStateChanged(_events.NextSequence(), Now, w.Id, from, to, why));
    }

    /// <summary>
    /// Records the end of a worker and publishes it, after the ends of what goes with it (its descendants, an
    /// output hold, its slot); a pool worker is then replaced. Caller holds the gate.
    /// </summary>
    private void RecordEnd(WorkerRecord w, WorkerExit exit)
    {
        if (!w.IsAlive)
        {
            return;
        }

        w.Exit = exit;
        w.EndedAt = Now;
        SignalSender.CancelEscalation(w);
        _sampler.EndDescendants(w);
        _holds.EndOutputHold(w);
        _flow.Forget(w.Id);
        _slotScheduler.Unschedule(w, "ended");
        ChangeState(w, WorkerState.Ended, exit.ToString());
        _events.Publish(new WorkerEnded(_events.NextSequence(), Now, w.Id, exit));
        w.Handle?.Dispose();
        w.Ended.TrySetResult(exit);
        _workers.RemoveLive(w);
        if (w.Pool is { } run)
        {
            _pools.OnWorkerEnded(run, w, exit);
        }

        if (_workers.Live.Count == 0)
        {
            _pace.StopStatePolling();
        }
    }

    /// <summary>
    /// Graceful shutdown: terminates every live worker (SIGTERM, grace period, SIGKILL), waits until they
    /// are reported ended, then completes every subscriber's stream after what it has queued.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        Task all = TerminateAllAsync();
        TaskCompletionSource bound = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using (_schedulers.Clock.Schedule(_options.GracePeriod + ReapAllowance, () => bound.TrySetResult()))
        {
            await Task.WhenAny(all, bound.Task).ConfigureAwait(false);
        }

        Shutdown();
    }

    /// <summary>Immediate shutdown: kills every live worker's process group (SIGKILL) and completes the streams.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _pools.StopPools();
            foreach (WorkerRecord w in _workers)
            {
                _signals.SendToGroup(w, ProcessSignal.Kill, "shutdown", SignalCause.Shutdown);
            }
        }

        Shutdown();
    }

    private void Shutdown()
    {
        _pace.Dispose();
        lock (_gate)
        {
            _fanOut.Complete();
        }
    }
}
