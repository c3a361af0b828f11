using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>One pool as the Pool panel shows it: counts of its inputs, its workers, its latest failures. UI thread only.</summary>
/// <remarks>
/// Inputs in flight are tracked per worker (the first at a worker is the one it computes, the rest are
/// queued at it, as in <see cref="PoolRun"/>); every other count is a plain counter, so a pool of
/// 100,000 inputs costs the model its workers and <see cref="MaxFailuresKept"/> failures, no more.
/// </remarks>
internal sealed class PoolState(PoolId id, PoolRequest request, int window, DateTimeOffset started)
{
    /// <summary>Failures kept for the panel (the latest); the rest are only counted.</summary>
    public const int MaxFailuresKept = 100;

    private readonly List<PoolWorkerRow> _workers = [];
    private readonly Dictionary<WorkerId, PoolWorkerRow> _byId = [];
    private readonly Queue<PoolFailure> _failures = new();

    public PoolId Id { get; } = id;

    public PoolRequest Request { get; } = request;

    /// <summary>Most inputs in flight per worker.</summary>
    public int Window { get; } = window;

    public DateTimeOffset Started { get; } = started;

    /// <summary>Every input.</summary>
    public int Total => Request.Tasks.Length;

    /// <summary>Inputs with a result.</summary>
    public int Succeeded { get; private set; }

    /// <summary>Inputs that failed.</summary>
    public int Failed { get; private set; }

    /// <summary>Inputs given up without running (known when the pool finishes).</summary>
    public int NotRun { get; private set; }

    /// <summary>How it ended; null while it is going.</summary>
    public PoolOutcome? Outcome { get; private set; }

    /// <summary>Inputs being computed now: one per worker that has any in flight.</summary>
    public int Running => _workers.Count(w => w.InFlight.Count > 0);

    /// <summary>Inputs waiting: not yet handed out, or queued at a worker behind the one it computes.</summary>
    public int Queued => Math.Max(0, Total - Running - Succeeded - Failed - NotRun);

    /// <summary>Its workers in the order they started, ended ones too.</summary>
    public IReadOnlyList<PoolWorkerRow> Workers => _workers;

    /// <summary>The latest failures, oldest first (at most <see cref="MaxFailuresKept"/>).</summary>
    public IReadOnlyCollection<PoolFailure> Failures => _failures;

    public PoolWorkerRow? Find(WorkerId worker) => _byId.GetValueOrDefault(worker);

    /// <summary>The worker's row, added if new.</summary>
    public PoolWorkerRow Worker(WorkerId worker)
    {
        if (!_byId.TryGetValue(worker, out PoolWorkerRow? row))
        {
            _byId[worker] = row = new PoolWorkerRow(worker);
            _workers.Add(row);
        }

        return row;
    }

    /// <summary>Input <paramref name="index"/> was written to <paramref name="worker"/>'s stdin.</summary>
    public void Assigned(WorkerId worker, int index) => Worker(worker).InFlight.AddLast(index);

    /// <summary>Input <paramref name="index"/> has an outcome (a result, or why it has none).</summary>
    public void Recorded(WorkerId worker, int index, string? error, string text)
    {
        PoolWorkerRow row = Worker(worker);
        row.InFlight.Remove(index);
        if (error is null)
        {
            Succeeded++;
            row.Done++;
            return;
        }

        Failed++;
        _failures.Enqueue(new PoolFailure(index, text, worker));
        if (_failures.Count > MaxFailuresKept)
        {
            _failures.Dequeue();
        }
    }

    /// <summary>
    /// A worker ended: what it had in flight is no longer running there. The input it was computing gets
    /// its failure as a result event; the ones queued behind it went back to the pool's queue.
    /// </summary>
    public void Ended(WorkerId worker, WorkerExit exit)
    {
        PoolWorkerRow row = Worker(worker);
        row.Exit = exit;
        row.InFlight.Clear();
    }

    /// <summary>The pool has an outcome for every input and every worker has ended.</summary>
    public void Finished(PoolOutcome outcome)
    {
        Outcome = outcome;
        (Succeeded, Failed, NotRun) = (outcome.Succeeded, outcome.Failed, outcome.NotRun);
        foreach (PoolWorkerRow w in _workers)
        {
            w.InFlight.Clear();
        }
    }
}
