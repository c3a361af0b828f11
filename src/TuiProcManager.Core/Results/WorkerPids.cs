using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Results;

/// <summary>
/// Each worker's PID as the event stream told it (a snapshot, then every spawn), so that a result row can
/// say which process produced it. Plain fold; not thread-safe: feed it from one subscriber.
/// </summary>
public sealed class WorkerPids
{
    private readonly Dictionary<WorkerId, int?> _pids = [];

    /// <summary>Takes <paramref name="e"/> into account if it tells a PID; true when it did.</summary>
    public bool Observe(SupervisorEvent e)
    {
        switch (e)
        {
            case SupervisorSnapshot s:
                foreach (WorkerInfo w in s.Workers)
                {
                    _pids[w.Worker] = w.Pid;
                }

                return true;
            case WorkerSpawned s:
                _pids[s.Worker] = s.Pid;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The worker's PID; null if it never had one or was never seen.</summary>
    public int? Of(WorkerId worker) => _pids.GetValueOrDefault(worker);
}
