using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Streaming;

// Design: docs/decisions/0004-backpressure-and-delivery.md
/// <summary>
/// How a lossless subscriber (printed output, records) stays bounded without losing output: by holding back
/// the workers whose output it waits on, not by dropping it.
/// </summary>
/// <remarks>
/// <para>
/// Output lines and results are never dropped. Each one is counted in a <see cref="Backlog"/>, and a worker
/// whose backlog grows too long is held (its pipes are not read, see <see cref="OutputFlow"/>) until the
/// observer has taken enough of it; the hold is decided as events are queued and let go as the delivery
/// takes batches. Samples, state changes and signals, which no hold can slow, are dropped only past
/// <see cref="DeliveryLimits.LosslessCapacity"/> waiting (an observer stalled for minutes), counted per
/// worker and handed over as <see cref="EventsDropped"/> just before the next event that is queued, so each
/// notice sits where its gap is. Spawned, ended and join events are never dropped.
/// </para>
/// <para>
/// Threads: <see cref="Add"/> and <see cref="LetGoOfAll"/> run under the subscriber queue's lock (inside the
/// supervisor's gate); <see cref="Taken"/> on the delivery thread, taking that lock once per batch;
/// <see cref="Release"/> outside it. <see cref="OutputFlow"/>'s lock is a leaf below both.
/// </para>
/// </remarks>
internal sealed class LosslessBackpressure(DeliveryLimits limits, OutputFlow flow, BacklogLimits backlog, string consumer)
{
    private readonly Backlog _backlog = new(backlog);
    private readonly Dictionary<int, EventsDropped> _drops = []; // key: worker id, 0 for machine-wide

    /// <summary>Queues <paramref name="e"/> (holding its worker if its backlog is now too long) or drops it; false when dropped. Caller holds the queue's lock.</summary>
    public bool Add(List<QueuedEvent> waiting, SupervisorEvent e)
    {
        if (_drops.Count == 0 && e is OutputLine line)
        {
            // The flood's path: never dropped, counted, perhaps holding its worker.
            waiting.Add(new QueuedEvent(line));
            if (_backlog.Added(line.Worker, line.Text.Length))
            {
                flow.Hold(line.Worker, consumer);
            }

            return true;
        }

        if (e is ResourceSampled or MachineSampled or WorkerStateChanged or SignalSent or DescendantStateChanged
            && waiting.Count >= limits.LosslessCapacity)
        {
            CountDrop(e);
            return false;
        }

        if (_drops.Count > 0)
        {
            foreach (EventsDropped notice in _drops.Values.OrderBy(d => d.Sequence))
            {
                waiting.Add(new QueuedEvent(notice));
            }

            _drops.Clear();
        }

        waiting.Add(new QueuedEvent(e));
        if (HeldBy(e) is { } worker && _backlog.Added(worker, TextChars(e)))
        {
            flow.Hold(worker, consumer);
        }

        return true;
    }

    /// <summary>
    /// Counts a batch the delivery took out of the backlog (summed per worker outside the lock, applied under
    /// it once) and collects in <paramref name="released"/> the workers far enough behind us now.
    /// </summary>
    public void Taken(List<QueuedEvent> batch, Lock queueLock, List<WorkerId> released)
    {
        List<(WorkerId Worker, long Lines, long Chars)> taken = [];
        foreach (QueuedEvent queued in batch)
        {
            if (HeldBy(queued.Event) is not { } worker)
            {
                continue;
            }

            long chars = TextChars(queued.Event);
            if (taken.Count > 0 && taken[^1].Worker == worker)
            {
                taken[^1] = (worker, taken[^1].Lines + 1, taken[^1].Chars + chars); // a flood: one worker's lines in a row
            }
            else
            {
                taken.Add((worker, 1, chars));
            }
        }

        lock (queueLock)
        {
            foreach ((WorkerId worker, long lines, long chars) in taken)
            {
                _backlog.Removed(worker, lines, chars);
            }

            _backlog.CollectReleases(released);
        }
    }

    /// <summary>The subscriber is gone: forgets its drops and collects every held worker in <paramref name="released"/>. Caller holds the queue's lock.</summary>
    public void LetGoOfAll(List<WorkerId> released)
    {
        _drops.Clear();
        _backlog.ReleaseAll(released);
    }

    /// <summary>Reads the pipes of <paramref name="released"/> again (unless another consumer holds them). Outside the queue's lock.</summary>
    public void Release(List<WorkerId> released)
    {
        foreach (WorkerId worker in released)
        {
            flow.Release(worker, consumer);
        }

        released.Clear();
    }

    /// <summary>The worker whose pipes a backlog of this event can hold; null: holding cannot slow it.</summary>
    private static WorkerId? HeldBy(SupervisorEvent e) => e switch
    {
        OutputLine line => line.Worker,
        ResultRecorded result => result.Worker,
        _ => null,
    };

    private static long TextChars(SupervisorEvent e) => e is OutputLine line ? line.Text.Length : 0;

    private void CountDrop(SupervisorEvent e)
    {
        WorkerId? worker = (e as WorkerEvent)?.Worker;
        int key = worker?.Value ?? 0;
        long lines = e is OutputLine ? 1 : 0;
        _drops[key] = _drops.TryGetValue(key, out EventsDropped? d)
            ? d with { Count = d.Count + 1, OutputLines = d.OutputLines + lines }
            : new EventsDropped(e.Sequence, e.Time, worker, 1, lines);
    }
}
