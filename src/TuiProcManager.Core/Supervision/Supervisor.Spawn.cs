using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

/// <summary>
/// Starting workers, in two phases, so that nothing that can block runs under the gate.
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
                    Launched(w, null, "not started: tuiproc was stopping");
                    continue;
                }

                request = ToLaunchRequest(w.Spec);
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
                Launched(w, handle, refused);
            }
        }
    }

    /// <summary>The start is over: publish it, replay what came early, do what was asked meanwhile. Caller holds the gate.</summary>
    private void Launched(WorkerRecord w, IProcessHandle? handle, string? refused)
    {
        w.Launched = true;
        if (handle is null)
        {
            _events.Publish(new WorkerSpawned(_events.NextSequence(), Now, w.Id, w.Spec, null));
            End(w, WorkerExit.FailedToStart(refused ?? "not started"));
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

        RunAll(w.Early);
        w.Early = null;
        RunAll(w.Deferred);
        w.Deferred = null;
        if (_disposed && w.IsAlive)
        {
            // Shut down while it was being started: nobody will stop it but us.
            _signals.SendToGroup(w, ProcessSignal.Kill, "shutdown", SignalCause.Shutdown);
        }
    }

    /// <summary>Caller holds the gate: false when <paramref name="w"/> is still being started, and <paramref name="action"/> waits for that.</summary>
    private static bool WhenLaunched(WorkerRecord w, Action action)
    {
        if (w.Launched)
        {
            return true;
        }

        (w.Deferred ??= []).Add(action);
        return false;
    }

    /// <summary>Caller holds the gate: does <paramref name="action"/> now, or right after the start if it is not over.</summary>
    private static void OnceLaunched(WorkerRecord w, Action action)
    {
        if (WhenLaunched(w, action))
        {
            action();
        }
    }

    private static void RunAll(List<Action>? actions)
    {
        foreach (Action action in actions ?? [])
        {
            action();
        }
    }

    /// <summary>Square, cube and pool workers report results on fd 3 (<see cref="LaunchRequest.WithResults"/>).</summary>
    private LaunchRequest ToLaunchRequest(WorkerSpec spec) => spec.Kind switch
    {
        WorkerKind.Square or WorkerKind.Cube => new LaunchRequest(
            _options.WorkerExecutable,
            [spec.Kind == WorkerKind.Square ? "square" : "cube", spec.Number!, .. spec.Workload.ToArguments(), ResultsFdArgument])
        {
            WithResults = true,
        },
        WorkerKind.Pool => new LaunchRequest(_options.WorkerExecutable, ["pool", .. spec.Workload.ToArguments(), ResultsFdArgument])
        {
            WithInput = true,
            WithResults = true,
        },
        _ => new LaunchRequest(spec.CommandLine[0], [.. spec.CommandLine.Skip(1)]),
    };

    /// <summary>Where the worker finds its results pipe (see <see cref="LaunchRequest.WithResults"/>).</summary>
    private const string ResultsFdArgument = "--results-fd=3";

    private void OnOutput(WorkerRecord w, OutputChannel channel, IReadOnlyList<string> lines)
    {
        lock (_gate)
        {
            if (!w.Launched)
            {
                IReadOnlyList<string> copy = [.. lines]; // the launcher reuses its list
                (w.Early ??= []).Add(() => OnOutput(w, channel, copy));
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

    private void OnExited(WorkerRecord w, WorkerExit exit)
    {
        lock (_gate)
        {
            if (!w.Launched)
            {
                (w.Early ??= []).Add(() => End(w, exit));
                return;
            }

            End(w, exit);
        }
    }

    private void OnLeftBehind(WorkerRecord w, LeftBehindProcess p)
    {
        lock (_gate)
        {
            if (!w.Launched)
            {
                (w.Early ??= []).Add(() => OnLeftBehind(w, p));
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
                (w.Early ??= []).Add(() => OnOutputHeld(w, held));
                return;
            }

            _holds.OnOutputHeld(w, held);
        }
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
