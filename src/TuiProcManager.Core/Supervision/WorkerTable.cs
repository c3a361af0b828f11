using System.Collections;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

/// <summary>Every worker ever spawned, in spawn order, and the live ones among them.</summary>
/// <remarks>
/// Called with the supervisor's gate held, on whichever thread holds it (a caller, the launch thread, the
/// I/O thread, the clock). A record is never removed: worker IDs are 1, 2, 3… in spawn order, so a worker's
/// record is found by its ID alone. Callers that iterate <see cref="Live"/> must not end a worker in the loop.
/// </remarks>
internal sealed class WorkerTable : IReadOnlyList<WorkerRecord>
{
    private readonly List<WorkerRecord> _all = []; // index = id - 1
    private readonly List<WorkerRecord> _live = [];

    /// <summary>Started and not yet ended, in the order they went live: what sampling reads.</summary>
    public IReadOnlyList<WorkerRecord> Live => _live;

    /// <inheritdoc />
    public int Count => _all.Count;

    /// <inheritdoc />
    public WorkerRecord this[int index] => _all[index];

    /// <summary>A new record, with the next ID, not yet live.</summary>
    public WorkerRecord Add(WorkerSpec spec, DateTimeOffset now)
    {
        WorkerRecord w = new(new WorkerId(_all.Count + 1), spec, now);
        _all.Add(w);
        return w;
    }

    /// <summary>The record of worker <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">There is no such worker.</exception>
    public WorkerRecord Record(WorkerId id)
    {
        int index = id.Value - 1;
        return index >= 0 && index < _all.Count
            ? _all[index]
            : throw new ArgumentException($"There is no worker {id}.", nameof(id));
    }

    /// <summary>Its process started: sampling reads it from now on.</summary>
    public void AddLive(WorkerRecord w) => _live.Add(w);

    /// <summary>It ended: sampling no longer reads it.</summary>
    public void RemoveLive(WorkerRecord w) => _live.Remove(w);

    /// <inheritdoc />
    public IEnumerator<WorkerRecord> GetEnumerator() => _all.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
