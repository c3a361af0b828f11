using System.Collections.Immutable;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

public sealed partial class Supervisor
{
    /// <inheritdoc />
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
            return SpawnLocked(spec, pool: null).Id;
        }
    }

    /// <summary>Starts a worker (of <paramref name="pool"/>, if given). Caller holds the gate.</summary>
    private WorkerRecord SpawnLocked(WorkerSpec spec, PoolRun? pool)
    {
        {
            WorkerRecord w = new(new WorkerId(_workers.Count + 1), spec, Now) { Pool = pool };
            _workers.Add(w);
            try
            {
                // Under the gate on purpose: the I/O thread may report output or the exit before Start
                // returns, and must wait until WorkerSpawned is published (see the class remarks).
                w.Handle = _launcher.Start(ToLaunchRequest(spec), new WorkerProcessEvents(this, w));
            }
            catch (LaunchException e)
            {
                Publish(new WorkerSpawned(Next(), Now, w.Id, spec, null));
                End(w, WorkerExit.FailedToStart(e.Message));
                return w;
            }

            _flow.Track(w.Id, w.Handle);
            Publish(new WorkerSpawned(Next(), Now, w.Id, spec, w.Handle.Pid));
            _live.Add(w);
            Admit(w, "spawned", stopped: false);
            StartStatePolling();
            return w;
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
            if (channel == OutputChannel.Results)
            {
                foreach (string line in lines)
                {
                    OnResultLine(w, line);
                }

                return;
            }

            DateTimeOffset now = Now;
            foreach (string line in lines)
            {
                Publish(new OutputLine(Next(), now, w.Id, channel, line, ++w.OutputLines));
            }
        }
    }

    private void OnExited(WorkerRecord w, WorkerExit exit)
    {
        lock (_gate)
        {
            End(w, exit);
        }
    }

    private void OnLeftBehind(WorkerRecord w, LeftBehindProcess p)
    {
        lock (_gate)
        {
            Publish(new ProcessLeftBehind(Next(), Now, w.Id, p.Pid, p.Name, p.Ended, p.Detail));
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
