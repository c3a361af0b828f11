using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Streaming;

// Design: docs/decisions/0004-backpressure-and-delivery.md
/// <summary>
/// Whose output pipes are held, and by which lossless consumers: a worker's pipes are read again only
/// once every consumer that held it has caught up with it.
/// </summary>
/// <remarks>
/// <para>
/// Threads: <see cref="Hold"/> comes from a subscriber's enqueue (under the supervisor's gate and that
/// subscriber's lock), <see cref="Release"/> from its drain thread (under neither), <see cref="Track"/>
/// and <see cref="Forget"/> from the supervisor under its gate. <see cref="_lock"/> is a leaf: nothing is
/// called under it but <see cref="IProcessHandle.HoldOutput"/>, which never blocks.
/// </para>
/// <para>
/// Ordering: each subscriber alternates Hold and Release for a worker, but a Release is called after its
/// subscriber's lock is let go, so it can arrive after that subscriber's next Hold. Holders are therefore
/// counted, not flagged: hold, hold, release leaves one holder, whatever the order of the last two.
/// </para>
/// </remarks>
internal sealed class OutputFlow
{
    private readonly Lock _lock = new();
    private readonly Dictionary<WorkerId, Entry> _workers = [];

    private sealed class Entry(IProcessHandle handle)
    {
        public IProcessHandle Handle { get; } = handle;

        public List<string> Holders { get; } = [];
    }

    /// <summary>From its start to its end, the worker's pipes can be held.</summary>
    public void Track(WorkerId worker, IProcessHandle handle)
    {
        lock (_lock)
        {
            _workers[worker] = new Entry(handle);
        }
    }

    /// <summary>The worker ended: its pipes are closed, and late releases for it are ignored.</summary>
    public void Forget(WorkerId worker)
    {
        lock (_lock)
        {
            _workers.Remove(worker);
        }
    }

    /// <summary><paramref name="consumer"/> is too far behind on the worker's output: stop reading its pipes.</summary>
    public void Hold(WorkerId worker, string consumer)
    {
        lock (_lock)
        {
            if (_workers.TryGetValue(worker, out Entry? e))
            {
                e.Holders.Add(consumer);
                if (e.Holders.Count == 1)
                {
                    e.Handle.HoldOutput(true);
                }
            }
        }
    }

    /// <summary><paramref name="consumer"/> caught up: read the worker's pipes again unless another consumer still holds it.</summary>
    public void Release(WorkerId worker, string consumer)
    {
        lock (_lock)
        {
            if (_workers.TryGetValue(worker, out Entry? e) && e.Holders.Remove(consumer) && e.Holders.Count == 0)
            {
                e.Handle.HoldOutput(false);
            }
        }
    }

    /// <summary>The consumers holding the worker now, for people ("stdout, the events file"); empty when none.</summary>
    public string HeldBy(WorkerId worker)
    {
        lock (_lock)
        {
            return _workers.TryGetValue(worker, out Entry? e) ? string.Join(", ", e.Holders.Distinct()) : "";
        }
    }
}
