using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

/// <summary>
/// Starting workers, in two phases so that nothing that can block runs under the gate; what their processes
/// report; and the joins that wait for their end.
/// </summary>
/// <remarks>
/// <para>
/// Phase one, under the gate, on the caller's thread (a key on the UI thread, a pool replacement on the
/// I/O thread): the worker gets its ID and record and joins the launch queue. Phase two, on the launch
/// scheduler, one worker after another in ID order: the launcher starts the process (posix_spawn, or the
/// fork server, whose reply can take seconds when it is stopped), outside the gate; then, under the gate,
/// <see cref="WorkerSpawned"/> is published and the worker goes live.
/// </para>
/// <para>
/// Event order: nothing about a worker is published before its <see cref="WorkerSpawned"/>. Its process may
/// report output, a hold or even its exit on the I/O thread before phase two takes the gate: that is kept
/// in <see cref="WorkerRecord.Early"/> and replayed right after. Requests made meanwhile (pause, terminate,
/// kill, a join's start) wait in <see cref="WorkerRecord.Deferred"/> and are carried out right after the
/// early reports. Workers are launched in ID order, so <see cref="WorkerSpawned"/> events are in ID order.
/// </para>
/// <para>
/// A join waits for the end outside the gate (on the clock scheduler for its timeout); it takes the gate only
/// to publish that it started and how it ended, each deferred like a request while the start is not over.
/// </para>
/// </remarks>
public sealed partial class Supervisor
{
    private readonly Queue<WorkerRecord> _launchQueue = new();
    private bool _launching; // a drain of _launchQueue is scheduled or running

    /// <summary>See <see cref="ISupervisor.SpawnAsync"/>; the decision itself.</summary>
    /// <exception cref="ObjectDisposedException">The supervisor is shutting down.</exception>
    public WorkerId Spawn(WorkerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Kind == WorkerKind.Pool)
        {
            throw new ArgumentException("Pool workers are started by StartPool.", nameof(spec));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return SpawnLocked(spec, pool: null, replaces: null).Id;
        }
    }

    /// <summary>
    /// Phase one: a worker (of <paramref name="pool"/>, if given) gets its record and is queued to start.
    /// Caller holds the gate. With the default launch scheduler (tests) phase two runs at once, inside this call.
    /// </summary>
    /// <param name="spec">What to start.</param>
    /// <param name="pool">The pool it works for, if any.</param>
    /// <param name="replaces">The pool worker it replaces and why that one ended: published once it has started.</param>
    private WorkerRecord SpawnLocked(WorkerSpec spec, PoolRun? pool, (WorkerId, string)? replaces)
    {
        WorkerRecord w = _workers.Add(spec, Now);
        w.Pool = pool;
        w.Replaces = replaces;
        pool?.AddWorker(w.Id); // counted at once, so that the pool does not start another in its place
        _launchQueue.Enqueue(w);
        if (!_launching)
        {
            _launching = true;
            _schedulers.Launcher.Schedule(LaunchQueued);
        }

        return w;
    }

    /// <summary>Phase two, on the launch scheduler: starts each queued worker, outside the gate, in turn.</summary>
    private void LaunchQueued()
    {
        while (true)
        {
            WorkerRecord w;
            LaunchRequest request;
            lock (_gate)
            {
                if (!_launchQueue.TryDequeue(out w!))
                {
                    _launching = false;
                    return;
                }

                if (_disposed)
                {
                    CompleteLaunch(w, null, "not started: tuiproc was stopping");
                    continue;
                }

                request = WorkerLaunchRequests.For(w.Spec, _options.WorkerExecutable);
            }

            IProcessHandle? handle = null;
            string? refused = null;
            try
            {
                handle = _launcher.Start(request, new WorkerProcessEvents(this, w));
            }
            catch (LaunchException e)
            {
                refused = e.Message;
            }

            lock (_gate)
            {
                CompleteLaunch(w, handle, refused);
            }
        }
    }

    /// <summary>The start is over: publish it, replay what came early, do what was asked meanwhile. Caller holds the gate.</summary>
    private void CompleteLaunch(WorkerRecord w, IProcessHandle? handle, string? refused)
    {
        w.Launched = true;
        if (handle is null)
        {
            _events.Publish(new WorkerSpawned(_events.NextSequence(), Now, w.Id, w.Spec, null));
            RecordEnd(w, WorkerExit.FailedToStart(refused ?? "not started"));
            _pools.PublishReplacement(w);
            return;
        }

        w.Handle = handle;
        _flow.Track(w.Id, handle);
        _events.Publish(new WorkerSpawned(_events.NextSequence(), Now, w.Id, w.Spec, handle.Pid, string.IsNullOrEmpty(handle.StartNote) ? null : handle.StartNote));
        _workers.AddLive(w);
        _slotScheduler.Admit(w, "spawned", stopped: false);
        _pace.StartStatePolling();
        _pools.OnWorkerStarted(w);

        w.RunEarlyReportsThenDeferredRequests();
        if (_disposed && w.IsAlive)
        {
            // Shut down while it was being started: nobody will stop it but us.
            _signals.SendToGroup(w, ProcessSignal.Kill, "shutdown", SignalCause.Shutdown);
        }
    }

    /// <summary>Output or result lines of a worker (the I/O thread).</summary>
    private void OnOutput(WorkerRecord w, OutputChannel channel, IReadOnlyList<string> lines)
    {
        lock (_gate)
        {
            if (!w.Launched)
            {
                IReadOnlyList<string> copy = [.. lines]; // the launcher reuses its list
                w.KeepEarlyReport(() => OnOutput(w, channel, copy));
                return;
            }

            if (channel == OutputChannel.Results)
            {
                foreach (string line in lines)
                {
                    _pools.OnResultLine(w, line);
                }

                return;
            }

            _events.PublishOutput(w, channel, lines);
        }
    }

    /// <summary>The worker's process ended and was reaped (the I/O thread).</summary>
    private void OnExited(WorkerRecord w, WorkerExit exit)
    {
        lock (_gate)
        {
            if (!w.Launched)
            {
                w.KeepEarlyReport(() => RecordEnd(w, exit));
                return;
            }

            RecordEnd(w, exit);
        }
    }

    /// <summary>A descendant that escaped the worker's process group was found after the worker ended (the I/O thread).</summary>
    private void OnLeftBehind(WorkerRecord w, LeftBehindProcess p)
    {
        lock (_gate)
        {
            if (!w.Launched)
            {
                w.KeepEarlyReport(() => OnLeftBehind(w, p));
                return;
            }

            _events.Publish(new ProcessLeftBehind(_events.NextSequence(), Now, w.Id, p.Pid, p.Name, p.Ended, p.Detail));
        }
    }

    /// <summary>The reader held or let go of a worker's pipes (see <see cref="OutputHolds"/>).</summary>
    private void OnOutputHeld(WorkerRecord w, bool held)
    {
        lock (_gate)
        {
            if (!w.Launched)
            {
                w.KeepEarlyReport(() => OnOutputHeld(w, held));
                return;
            }

            _holds.OnOutputHeld(w, held);
        }
    }

    /// <inheritdoc />
    public async Task<WorkerExit?> JoinAsync(WorkerId worker, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (timeout is { } t)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(t, TimeSpan.Zero, nameof(timeout));
        }

        Task<WorkerExit> ended;
        lock (_gate)
        {
            WorkerRecord w = _workers.Record(worker);
            ended = w.Ended.Task;
            w.RunOnceLaunched(() => _events.Publish(new JoinStarted(_events.NextSequence(), Now, worker, timeout)));
        }

        JoinOutcome outcome = await WaitAsync(ended, timeout, cancellationToken).ConfigureAwait(false);
        WorkerExit? exit = outcome == JoinOutcome.Ended ? await ended.ConfigureAwait(false) : null;
        lock (_gate)
        {
            WorkerRecord w = _workers.Record(worker);
            w.Joined |= exit is not null;
            w.RunOnceLaunched(() => _events.Publish(new WorkerJoined(_events.NextSequence(), Now, worker, outcome, exit)));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return exit;
    }

    /// <inheritdoc />
    public async Task<bool> JoinAllAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        List<WorkerId> all;
        lock (_gate)
        {
            all = [.. _workers.Select(w => w.Id)];
        }

        WorkerExit?[] exits = await Task.WhenAll(all.Select(id => JoinAsync(id, timeout, cancellationToken))).ConfigureAwait(false);
        return exits.All(e => e is not null);
    }

    /// <summary>Waits for <paramref name="ended"/>, a timeout on the clock scheduler, or cancellation, whichever comes first.</summary>
    private async Task<JoinOutcome> WaitAsync(Task ended, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (ended.IsCompleted)
        {
            return JoinOutcome.Ended;
        }

        TaskCompletionSource<JoinOutcome> gaveUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable timer = timeout is { } t
            ? _schedulers.Clock.Schedule(t, () => gaveUp.TrySetResult(JoinOutcome.TimedOut))
            : Disposable.Empty;
        using CancellationTokenRegistration registration = cancellationToken.Register(() => gaveUp.TrySetResult(JoinOutcome.Cancelled));
        Task first = await Task.WhenAny(ended, gaveUp.Task).ConfigureAwait(false);
        return first == ended ? JoinOutcome.Ended : await gaveUp.Task.ConfigureAwait(false);
    }

    /// <summary>Routes what the launcher reports about one process to its worker.</summary>
    private sealed class WorkerProcessEvents(Supervisor supervisor, WorkerRecord worker) : IProcessEvents
    {
        public void OnOutput(OutputChannel channel, IReadOnlyList<string> lines) => supervisor.OnOutput(worker, channel, lines);

        public void OnExited(WorkerExit exit) => supervisor.OnExited(worker, exit);

        public void OnLeftBehind(LeftBehindProcess process) => supervisor.OnLeftBehind(worker, process);

        public void OnOutputHeld(bool held) => supervisor.OnOutputHeld(worker, held);
    }
}
