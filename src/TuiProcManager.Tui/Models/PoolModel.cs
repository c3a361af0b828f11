using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>
/// The Pool panel's data, folded from the event stream: for each pool, its inputs queued, running, done
/// and failed, each worker's PID, count and current input, and the latest failures with their reasons.
/// UI thread only.
/// </summary>
internal sealed class PoolModel
{
    private readonly Dictionary<PoolId, PoolState> _pools = [];
    private readonly Dictionary<WorkerId, PoolId> _poolOf = [];
    private readonly Dictionary<WorkerId, int?> _pids = []; // pool workers spawned before their pool's first assignment

    /// <summary>The pool started last; null before any.</summary>
    public PoolState? Latest { get; private set; }

    public PoolState? Find(PoolId pool) => _pools.GetValueOrDefault(pool);

    /// <summary>The pool <paramref name="worker"/> belongs to, if it is a pool worker.</summary>
    public PoolState? Of(WorkerId worker) => _poolOf.TryGetValue(worker, out PoolId pool) ? Find(pool) : null;

    /// <summary>Forgets every pool.</summary>
    public void Clear()
    {
        _pools.Clear();
        _poolOf.Clear();
        _pids.Clear();
        Latest = null;
    }

    /// <summary>Folds one event; true when a pool changed.</summary>
    public bool Apply(SupervisorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e)
        {
            case PoolStarted s:
                _pools[s.Pool] = Latest = new PoolState(s.Pool, s.Request, s.Window, s.Time);
                return true;
            case WorkerSpawned { Spec: { Kind: WorkerKind.Pool, Pool: { } pool } } s:
                _poolOf[s.Worker] = pool;
                if (Find(pool) is { } spawnedIn)
                {
                    spawnedIn.Worker(s.Worker).Pid = s.Pid;
                    return true;
                }

                _pids[s.Worker] = s.Pid;
                return false;
            case SupervisorSnapshot snapshot:
                foreach (WorkerInfo w in snapshot.Workers.Where(w => w.Spec.Pool is not null))
                {
                    _poolOf[w.Worker] = w.Spec.Pool!.Value;
                    _pids[w.Worker] = w.Pid;
                }

                return false;
            case PoolTaskAssigned a when Find(a.Pool) is { } assignedIn:
                _poolOf[a.Worker] = a.Pool;
                PoolWorkerRow row = assignedIn.Worker(a.Worker);
                row.Pid ??= _pids.GetValueOrDefault(a.Worker);
                assignedIn.Assigned(a.Worker, a.Index);
                return true;
            case ResultRecorded { Pool: { } pool, Index: { } index } r when Find(pool) is { } recordedIn:
                recordedIn.Recorded(r.Worker, index, r.Error, DisplayText.Prepare(r.Describe(), 500));
                return true;
            case WorkerEnded ended when Of(ended.Worker) is { } endedIn:
                endedIn.Ended(ended.Worker, ended.Exit);
                return true;
            case PoolWorkerReplaced replaced when Find(replaced.Pool) is { } replacedIn:
                PoolWorkerRow old = replacedIn.Worker(replaced.Worker);
                old.ReplacedBy = replaced.Replacement;
                old.ReplacementFailed = replaced.Replacement is null;
                return true;
            case PoolFinished finished when Find(finished.Pool) is { } finishedIn:
                finishedIn.Finished(finished.Outcome);
                return true;
            default:
                return false;
        }
    }
}
