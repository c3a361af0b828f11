using System.Collections.Immutable;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

/// <summary>The supervisor, in this process: see <see cref="ISupervisor"/>. Its owner (the composition root) disposes it, which stops every worker.</summary>
/// <remarks>
/// <para>
/// One lock, <see cref="_gate"/>, guards every worker record, the event sequence and the subscriber list.
/// Every state change and the event that reports it happen together under it, which gives the stream
/// its total order and lets a new subscriber's snapshot join the live events without a gap. Publishing
/// under the gate is cheap and never blocks: it only appends to each subscriber's bounded queue.
/// </para>
/// <para>
/// Threads that take the gate: callers (spawn, signals, joins); the launcher's I/O thread (output and
/// exits, through <see cref="WorkerProcessEvents"/>); the clock scheduler (sampling, grace periods,
/// join timeouts). Nothing slow happens under it: /proc is read outside it and the results applied after,
/// with a check that the worker has not ended in between. The exception is <see cref="IProcessLauncher.Start"/>,
/// called under the gate so that <see cref="WorkerSpawned"/> precedes anything the new process reports.
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
    private readonly IProcessProbe _probe;
    private readonly SupervisorSchedulers _schedulers;
    private readonly SupervisorOptions _options;
    private readonly DeliveryLimits _limits;
    private readonly EventFanOut _fanOut = new();
    private readonly OutputFlow _flow = new();
    private readonly List<WorkerRecord> _workers = []; // every worker ever spawned, index = id - 1
    private readonly List<WorkerRecord> _live = []; // started and not yet ended: what sampling reads
    private readonly SerialDisposable _stateTimer = new();
    private readonly IDisposable _sampleTimer;
    private long _sequence;
    private bool _disposed;

    /// <summary>Creates a supervisor; sampling starts at once.</summary>
    public Supervisor(IProcessLauncher launcher, IProcessProbe probe, SupervisorSchedulers schedulers, SupervisorOptions options)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(schedulers);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _launcher = launcher;
        _probe = probe;
        _schedulers = schedulers;
        _options = options;
        _limits = new DeliveryLimits(options.SubscriberQueueCapacity, options.SubscriberQueueTextChars, options.LosslessQueueCapacity);
        _sampleTimer = StartSampling();
    }

    /// <inheritdoc />
    public IObservable<SupervisorEvent> Events => Observable.Create<SupervisorEvent>(o => Subscribe(o, withSnapshot: false));

    /// <inheritdoc />
    public IObservable<SupervisorEvent> EventsWithSnapshot => Observable.Create<SupervisorEvent>(o => Subscribe(o, withSnapshot: true));

    /// <inheritdoc />
    /// <remarks>The window is timed on the supervisor's delivery scheduler (<see cref="SupervisorSchedulers.Delivery"/>), whose
    /// threads then hand each batch to <paramref name="delivery"/>: publishing, under the gate, only appends.</remarks>
    public IObservable<IList<SupervisorEvent>> ScreenBatches(ScreenPacing pacing, IScheduler delivery)
    {
        ArgumentNullException.ThrowIfNull(pacing);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentOutOfRangeException.ThrowIfLessThan(pacing.Window, TimeSpan.Zero, nameof(pacing));
        ArgumentOutOfRangeException.ThrowIfLessThan(pacing.MaxWaiting, 16, nameof(pacing));
        DeliveryLimits limits = _limits with { Capacity = Math.Min(_limits.Capacity, pacing.MaxWaiting) };
        return Observable.Create<IList<SupervisorEvent>>(o =>
            Subscribe(SubscriberQueue.Lossy(new PacedBatchDelivery(o, pacing.Window, _schedulers.Delivery, delivery), limits), withSnapshot: true));
    }

    /// <inheritdoc />
    public IObservable<SupervisorEvent> LosslessEvents(string consumer, IScheduler delivery)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentNullException.ThrowIfNull(delivery);
        return Observable.Create<SupervisorEvent>(o =>
            Subscribe(SubscriberQueue.Lossless(new EventByEventDelivery(o, delivery), _limits, _flow, _options.LosslessBacklog, consumer), withSnapshot: true));
    }

    /// <summary>Every worker as it is now, in spawn order. For the supervisor's own tests: clients fold the events instead.</summary>
    public ImmutableArray<WorkerInfo> Snapshot()
    {
        lock (_gate)
        {
            return [.. _workers.Select(w => w.ToInfo())];
        }
    }

    private IDisposable Subscribe(IObserver<SupervisorEvent> observer, bool withSnapshot) =>
        Subscribe(SubscriberQueue.Lossy(new EventByEventDelivery(observer, _schedulers.Delivery), _limits), withSnapshot);

    private IDisposable Subscribe(SubscriberQueue queue, bool withSnapshot)
    {
        lock (_gate)
        {
            if (withSnapshot)
            {
                // Workers still being started are not in it: their WorkerSpawned is yet to come.
                queue.Enqueue(new SupervisorSnapshot(
                    _sequence, Now, [.. _workers.Where(w => w.Launched).Select(w => w.ToInfo())], _policy is null ? SchedulingMode.Parallel : SchedulingMode.PauseOnWait, _slots));
            }

            _fanOut.Add(queue);
        }

        return Disposable.Create(() =>
        {
            lock (_gate)
            {
                _fanOut.Remove(queue);
            }

            queue.Dispose();
        });
    }

    private DateTimeOffset Now => _schedulers.Clock.Now;

    /// <summary>The next sequence number. Caller holds the gate and publishes the event it numbers.</summary>
    private long Next() => ++_sequence;

    /// <summary>Caller holds the gate.</summary>
    private void Publish(SupervisorEvent e) => _fanOut.Publish(e);

    private WorkerRecord Get(WorkerId id)
    {
        // Ids are 1, 2, 3… in spawn order and never removed, so the id is the index plus one.
        int index = id.Value - 1;
        return index >= 0 && index < _workers.Count
            ? _workers[index]
            : throw new ArgumentException($"There is no worker {id}.", nameof(id));
    }

    /// <summary>Caller holds the gate.</summary>
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
        _lastStateActivity = Now;
        Publish(new WorkerStateChanged(Next(), Now, w.Id, from, to, why));
    }

    /// <summary>Records the end of a worker and publishes it. Caller holds the gate.</summary>
    private void End(WorkerRecord w, WorkerExit exit)
    {
        if (!w.IsAlive)
        {
            return;
        }

        w.Exit = exit;
        w.EndedAt = Now;
        w.Escalation?.Dispose();
        w.Escalation = null;
        foreach (DescendantRecord d in w.Descendants.Values)
        {
            Publish(new DescendantStateChanged(Next(), Now, w.Id, d.Pid, d.ParentPid, d.Name, d.State, WorkerState.Ended));
        }

        w.Descendants.Clear();
        EndOutputHold(w);
        _flow.Forget(w.Id);
        Unschedule(w, "ended");
        ChangeState(w, WorkerState.Ended, exit.ToString());
        Publish(new WorkerEnded(Next(), Now, w.Id, exit));
        w.Handle?.Dispose();
        w.Ended.TrySetResult(exit);
        _live.Remove(w);
        if (w.Pool is { } run)
        {
            OnPoolWorkerEnded(run, w, exit);
        }

        if (_live.Count == 0)
        {
            _stateTimer.Disposable = null; // nothing to poll until the next spawn
        }
    }
}
