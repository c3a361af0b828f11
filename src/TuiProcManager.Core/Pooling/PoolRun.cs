using System.Collections.Immutable;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Pooling;

/// <summary>
/// The bookkeeping of one pool as plain code: which inputs wait, which are in flight at which worker,
/// which are done. The supervisor spawns the workers, writes the inputs and reports results and exits;
/// this decides what goes where.
/// </summary>
/// <remarks>
/// <para>
/// Each worker takes its inputs in order, one at a time, so the first input in flight at a worker is the
/// one it is computing; the others are queued in its stdin pipe. That is how a death is pinned on one
/// input: when a worker dies, the first of its inputs failed, and the rest go back to the front of the
/// line for another worker. Python's Pool cannot tell, and waits forever.
/// </para>
/// <para>
/// <see cref="Window"/> inputs at most are in flight per worker: 1 for watchable workloads (steps > 0), so
/// the Pool panel shows what each worker is on; for instant inputs ⌈inputs / (4 × workers)⌉, the figure of
/// Python's default <c>Pool.map</c> chunksize (which has no cap; <c>imap</c>'s is 1), capped at 64 here, so
/// that a map of a thousand inputs is not a thousand round trips. A window, not a chunk: results come back
/// one by one, where Python returns a chunk's results together.
/// Not thread-safe: the supervisor calls it under its gate.
/// </para>
/// </remarks>
public sealed class PoolRun
{
    private readonly LinkedList<int> _pending = new();
    private readonly Dictionary<WorkerId, LinkedList<int>> _inFlight = [];

    /// <summary>Creates the bookkeeping for <paramref name="request"/>; every input is pending.</summary>
    public PoolRun(PoolId id, PoolRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Id = id;
        Request = request;
        for (int i = 0; i < request.Tasks.Length; i++)
        {
            _pending.AddLast(i);
        }

        Window = request.Workload.Steps > 0 ? 1 : Math.Clamp((request.Tasks.Length + (4 * request.Size) - 1) / (4 * request.Size), 1, 64);
    }

    /// <summary>The pool.</summary>
    public PoolId Id { get; }

    /// <summary>What was asked for.</summary>
    public PoolRequest Request { get; }

    /// <summary>Most inputs in flight at one worker.</summary>
    public int Window { get; }

    /// <summary>Inputs with a result.</summary>
    public int Succeeded { get; private set; }

    /// <summary>Inputs that failed.</summary>
    public int Failed { get; private set; }

    /// <summary>Inputs given up without running (<see cref="GiveUp"/>).</summary>
    public int NotRun { get; private set; }

    /// <summary>Terminated or out of workers: nothing more is handed out, nothing replaced.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Every input has an outcome.</summary>
    public bool AllDone => Succeeded + Failed + NotRun == Request.Tasks.Length;

    /// <summary>Inputs not yet handed to a worker.</summary>
    public int Pending => _pending.Count;

    /// <summary>The live workers of the pool.</summary>
    public IReadOnlyCollection<WorkerId> Workers => _inFlight.Keys;

    /// <summary>How it ended (meaningful once every worker is gone).</summary>
    public PoolOutcome Outcome => new(Succeeded, Failed, NotRun);

    /// <summary>A new worker of the pool, with nothing in flight.</summary>
    public void AddWorker(WorkerId worker) => _inFlight.TryAdd(worker, new LinkedList<int>());

    /// <summary>The inputs in flight at <paramref name="worker"/>, the one it computes first.</summary>
    public IEnumerable<int> InFlight(WorkerId worker) => _inFlight.TryGetValue(worker, out LinkedList<int>? q) ? q : [];

    /// <summary>Hands pending inputs to <paramref name="worker"/> up to the window; adds their indices to <paramref name="assigned"/>.</summary>
    public void Fill(WorkerId worker, List<int> assigned)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        if (Stopped || !_inFlight.TryGetValue(worker, out LinkedList<int>? queue))
        {
            return;
        }

        while (queue.Count < Window && _pending.First is { } next)
        {
            _pending.RemoveFirst();
            queue.AddLast(next.Value);
            assigned.Add(next.Value);
        }
    }

    /// <summary>
    /// A result (or a reported error) from <paramref name="worker"/>: it is for the first input in flight
    /// there. Null when it is not (the worker had nothing in flight, or named another input): not a result
    /// of this pool, and ignored.
    /// </summary>
    public int? Complete(WorkerId worker, PoolTask reported, bool succeeded)
    {
        ArgumentNullException.ThrowIfNull(reported);
        if (!_inFlight.TryGetValue(worker, out LinkedList<int>? queue) || queue.First is not { } first || Request.Tasks[first.Value] != reported)
        {
            return null;
        }

        queue.RemoveFirst();
        _ = succeeded ? Succeeded++ : Failed++;
        return first.Value;
    }

    /// <summary>
    /// <paramref name="worker"/> ended. The input it was computing failed (returned, if any); the ones
    /// queued behind it go back to the front of the line, in order.
    /// </summary>
    public int? WorkerEnded(WorkerId worker)
    {
        if (!_inFlight.Remove(worker, out LinkedList<int>? queue) || queue.First is not { } first)
        {
            return null;
        }

        for (LinkedListNode<int>? node = queue.Last; node != first && node is not null; node = node.Previous)
        {
            _pending.AddFirst(node.Value);
        }

        Failed++;
        return first.Value;
    }

    /// <summary>Stops handing out inputs; those still pending will never run. Returns how many they were.</summary>
    public int GiveUp()
    {
        Stopped = true;
        int count = _pending.Count;
        NotRun += count;
        _pending.Clear();
        return count;
    }

    /// <summary>Whether a worker that ended should be replaced: there is work it could do.</summary>
    public bool NeedsWorkers => !Stopped && _pending.Count > 0 && _inFlight.Count < Request.Size;

    /// <summary>The indices of the inputs, for tests and panels.</summary>
    public ImmutableArray<int> PendingIndices => [.. _pending];
}
