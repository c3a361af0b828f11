using System.Collections.Immutable;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

public sealed partial class Supervisor
{
    /// <inheritdoc />
    public WorkerId Spawn(WorkerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            WorkerRecord w = new(new WorkerId(_workers.Count + 1), spec, Now);
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
                return w.Id;
            }

            Publish(new WorkerSpawned(Next(), Now, w.Id, spec, w.Handle.Pid));
            _live.Add(w);
            Admit(w, "spawned", stopped: false);
            StartStatePolling();
            return w.Id;
        }
    }

    private LaunchRequest ToLaunchRequest(WorkerSpec spec) => spec.Kind switch
    {
        WorkerKind.Square or WorkerKind.Cube => new LaunchRequest(
            _options.WorkerExecutable,
            [spec.Kind == WorkerKind.Square ? "square" : "cube", spec.Number!, .. spec.Workload.ToArguments()]),
        _ => new LaunchRequest(spec.CommandLine[0], [.. spec.CommandLine.Skip(1)]),
    };

    private void OnOutput(WorkerRecord w, OutputChannel channel, IReadOnlyList<string> lines)
    {
        lock (_gate)
        {
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

    /// <summary>Routes what the launcher reports about one process to its worker.</summary>
    private sealed class WorkerProcessEvents(Supervisor supervisor, WorkerRecord worker) : IProcessEvents
    {
        public void OnOutput(OutputChannel channel, IReadOnlyList<string> lines) => supervisor.OnOutput(worker, channel, lines);

        public void OnExited(WorkerExit exit) => supervisor.OnExited(worker, exit);
    }
}
