using System.Runtime.InteropServices;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Streaming;

// Design: docs/decisions/0004-backpressure-and-delivery.md
/// <summary>
/// The one drop rule of a lossy subscriber (the screen, and any plain <c>Events</c> subscriber): what waits for
/// it stays within its <see cref="DeliveryLimits"/> by dropping the <em>oldest</em> waiting output lines and
/// samples, so that what it gets after falling behind is the tail, the newest lines, which is what the Output
/// panel shows.
/// </summary>
/// <remarks>
/// <para>
/// Past <see cref="DeliveryLimits.Capacity"/> waiting events (or <see cref="DeliveryLimits.TextChars"/> of
/// waiting text), the oldest output lines and samples are dropped until at most half of each waits; past
/// <see cref="DeliveryLimits.HardCapacity"/>, the oldest state changes and signals too. Spawned, ended, join
/// and pool events are never dropped (one of each per worker or per call). Half at a time, so that a flood
/// costs one pass over the waiting events per <c>Capacity / 2</c> events, not one per event.
/// </para>
/// <para>
/// Each gap is reported where it is: an <see cref="EventsDropped"/> takes the place of the first event it
/// counts, and later drops of the same worker merge into it as long as none of that worker's events was
/// kept in between (so a flooding worker's gap is one notice, however many passes it took).
/// </para>
/// <para>Not thread-safe: used under its subscriber queue's lock, which the supervisor's gate encloses.</para>
/// </remarks>
internal sealed class LossyBounds(DeliveryLimits limits)
{
    private long _chars; // output text waiting
    private int _passAt = limits.Capacity; // past this many waiting, a pass; raised when a pass could not get under it

    /// <summary>A gap counted during a pass; its notice is written into the waiting list at <see cref="Index"/> once the pass is over.</summary>
    private sealed class Gap(int index, EventsDropped start)
    {
        public int Index { get; } = index;

        public EventsDropped Start { get; } = start;

        public long Count { get; set; } = start.Count;

        public long OutputLines { get; set; } = start.OutputLines;

        public EventsDropped Notice() => Count == Start.Count ? Start : Start with { Count = Count, OutputLines = OutputLines };
    }

    /// <summary>Adds <paramref name="e"/> to what waits, then drops the oldest output and samples if that is past the bound.</summary>
    public void Add(List<QueuedEvent> waiting, SupervisorEvent e)
    {
        waiting.Add(new QueuedEvent(e));
        if (e is OutputLine line)
        {
            _chars += line.Text.Length;
        }

        if (waiting.Count > _passAt || _chars > limits.TextChars)
        {
            DropOldest(waiting);
        }
    }

    /// <summary>The delivery took everything that waited.</summary>
    public void Taken()
    {
        _chars = 0;
        _passAt = limits.Capacity;
    }

    private void DropOldest(List<QueuedEvent> waiting)
    {
        int soft = 0;
        int hard = 0;
        foreach (QueuedEvent queued in CollectionsMarshal.AsSpan(waiting))
        {
            switch (Droppable(queued.Event))
            {
                case DropClass.Soft:
                    soft++;
                    break;
                case DropClass.Hard:
                    hard++;
                    break;
            }
        }

        int softToDrop = Math.Min(soft, Math.Max(0, waiting.Count - (limits.Capacity / 2)));
        int afterSoft = waiting.Count - softToDrop;
        int hardToDrop = afterSoft > limits.HardCapacity ? Math.Min(hard, afterSoft - (limits.HardCapacity / 2)) : 0;

        OpenGaps open = new(); // worker key -> its gap still open at this point of the list
        List<Gap> gaps = [];
        Span<QueuedEvent> span = CollectionsMarshal.AsSpan(waiting);
        int kept = 0;
        foreach (QueuedEvent queued in span)
        {
            SupervisorEvent e = queued.Event;
            int key = KeyOf(e);
            if (e is EventsDropped earlier)
            {
                if (open.Get(key) is { } before)
                {
                    // Its worker's events between the two notices were all dropped now: one gap, one notice.
                    before.Count += earlier.Count;
                    before.OutputLines += earlier.OutputLines;
                    continue;
                }

                Gap gap = new(kept, earlier); // an earlier pass's notice: its gap goes on if nothing of that worker is kept next
                gaps.Add(gap);
                open.Set(key, gap);
                span[kept++] = queued;
                continue;
            }

            DropClass what = Droppable(e);
            bool drop = what switch
            {
                DropClass.Soft => softToDrop > 0 || (e is OutputLine && _chars > limits.TextChars / 2),
                DropClass.Hard => hardToDrop > 0,
                _ => false,
            };
            if (!drop)
            {
                open.Remove(key); // a kept event of this worker ends its gap
                span[kept++] = queued;
                continue;
            }

            long lines = 0;
            if (e is OutputLine line)
            {
                lines = 1;
                _chars -= line.Text.Length;
            }

            if (what == DropClass.Hard)
            {
                hardToDrop--;
            }
            else if (softToDrop > 0)
            {
                softToDrop--;
            }

            if (open.Get(key) is { } current)
            {
                current.Count++;
                current.OutputLines += lines;
            }
            else
            {
                Gap gap = new(kept++, new EventsDropped(e.Sequence, e.Time, (e as WorkerEvent)?.Worker, 1, lines)); // in the place of the first event it counts
                gaps.Add(gap);
                open.Set(key, gap);
            }
        }

        foreach (Gap gap in gaps)
        {
            span[gap.Index] = new QueuedEvent(gap.Notice());
        }

        waiting.RemoveRange(kept, waiting.Count - kept);
        _passAt = Math.Max(limits.Capacity, waiting.Count + (limits.Capacity / 2)); // what could not be dropped does not bring a pass per event
    }

    /// <summary>
    /// The gaps still open during a pass, by worker key: a dictionary with its last key remembered in front,
    /// since a pass goes through runs of one worker's events (a flood: thousands in a row), and a lookup per
    /// event was a third of the pass's time (perf, NativeAOT build, a million-line flood).
    /// </summary>
    private sealed class OpenGaps
    {
        private readonly Dictionary<int, Gap> _byKey = [];
        private int _lastKey = int.MinValue; // no worker key is int.MinValue
        private Gap? _last; // the open gap of _lastKey, null when it has none

        public Gap? Get(int key)
        {
            if (key != _lastKey)
            {
                _lastKey = key;
                _last = _byKey.GetValueOrDefault(key);
            }

            return _last;
        }

        public void Set(int key, Gap gap)
        {
            _byKey[key] = gap;
            (_lastKey, _last) = (key, gap);
        }

        public void Remove(int key)
        {
            if (key == _lastKey && _last is null)
            {
                return; // known closed: the case of every kept event in a run of them
            }

            _ = _byKey.Remove(key);
            (_lastKey, _last) = (key, null);
        }
    }

    private enum DropClass
    {
        Never,
        Soft, // past Capacity
        Hard, // past HardCapacity
    }

    private static DropClass Droppable(SupervisorEvent e) => e switch
    {
        OutputLine or ResourceSampled or MachineSampled => DropClass.Soft,
        WorkerStateChanged or SignalSent or DescendantStateChanged => DropClass.Hard,
        _ => DropClass.Never,
    };

    /// <summary>Whose gap a dropped event belongs to: its worker's, or 0 for machine-wide events.</summary>
    private static int KeyOf(SupervisorEvent e) => e switch
    {
        WorkerEvent w => w.Worker.Value,
        EventsDropped { Worker: { } worker } => worker.Value,
        _ => 0,
    };
}
