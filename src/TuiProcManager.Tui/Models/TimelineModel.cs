using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>One worker's lane: when its state changed.</summary>
internal sealed class Lane(WorkerId worker, string name, DateTimeOffset start, WorkerState state)
{
    public WorkerId Worker { get; } = worker;

    public string Name { get; } = name;

    /// <summary>State changes in time order; the first is the spawn.</summary>
    public List<(DateTimeOffset At, WorkerState State)> Changes { get; } = [(start, state)];
}

/// <summary>A state change as the transitions list shows it.</summary>
/// <param name="At">When.</param>
/// <param name="Worker">Whose.</param>
/// <param name="Name">The worker's display name.</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="Why">What the OS said, or how it ended.</param>
internal readonly record struct Transition(DateTimeOffset At, WorkerId Worker, string Name, WorkerState From, WorkerState To, string Why);

/// <summary>
/// The states panel: one lane per worker, cut into time slices, and the latest transitions. A glance
/// shows which workers ran at the same time (parallel) and which took turns (concurrent). UI thread only.
/// </summary>
internal sealed class TimelineModel(int transitionLog = 200, int changesPerLane = 4_000)
{
    private readonly List<Lane> _lanes = [];
    private readonly Dictionary<WorkerId, Lane> _byId = [];

    public IReadOnlyList<Lane> Lanes => _lanes;

    public BoundedRing<Transition> Log { get; } = new(transitionLog);

    public bool Apply(SupervisorEvent e)
    {
        switch (e)
        {
            case SupervisorSnapshot s:
                _lanes.Clear();
                _byId.Clear();
                foreach (WorkerInfo w in s.Workers)
                {
                    Lane lane = Add(w.Worker, w.Spec.DisplayName, w.StartedAt, WorkerState.Starting);
                    if (w.State != WorkerState.Starting)
                    {
                        lane.Changes.Add((w.EndedAt ?? s.Time, w.State)); // history before the snapshot is not known
                    }
                }

                return true;
            case WorkerSpawned s:
                Add(s.Worker, s.Spec.DisplayName, s.Time, WorkerState.Starting);
                return true;
            case WorkerStateChanged s when _byId.TryGetValue(s.Worker, out Lane? lane):
                lane.Changes.Add((s.Time, s.To));
                if (lane.Changes.Count > changesPerLane)
                {
                    lane.Changes.RemoveRange(0, lane.Changes.Count - changesPerLane);
                }

                Log.Add(new Transition(s.Time, s.Worker, lane.Name, s.From, s.To, s.Why));
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The lane's state in each of <paramref name="count"/> slices of <paramref name="slice"/> ending at
    /// <paramref name="now"/>, oldest first: the state it spent most of the slice in; null before it was spawned.
    /// </summary>
    public static WorkerState?[] Cells(Lane lane, DateTimeOffset now, TimeSpan slice, int count)
    {
        WorkerState?[] cells = new WorkerState?[count];
        DateTimeOffset windowStart = now - (slice * count);
        List<(DateTimeOffset At, WorkerState State)> changes = lane.Changes;
        Span<long> time = stackalloc long[Enum.GetValues<WorkerState>().Length];
        int next = 0;
        for (int c = 0; c < count; c++)
        {
            DateTimeOffset from = windowStart + (slice * c), to = from + slice;
            if (to <= changes[0].At)
            {
                continue; // not spawned yet
            }

            while (next + 1 < changes.Count && changes[next + 1].At <= from)
            {
                next++;
            }

            time.Clear();
            for (int i = next; i < changes.Count && changes[i].At < to; i++)
            {
                DateTimeOffset start = changes[i].At > from ? changes[i].At : from;
                DateTimeOffset end = i + 1 < changes.Count && changes[i + 1].At < to ? changes[i + 1].At : to;
                time[(int)changes[i].State] += (end - start).Ticks;
            }

            int best = 0;
            for (int s = 1; s < time.Length; s++)
            {
                if (time[s] > time[best])
                {
                    best = s;
                }
            }

            cells[c] = time[best] > 0 ? (WorkerState)best : null;
        }

        return cells;
    }

    private Lane Add(WorkerId id, string name, DateTimeOffset at, WorkerState state)
    {
        Lane lane = new(id, name, at, state);
        if (_byId.TryAdd(id, lane))
        {
            _lanes.Add(lane);
        }

        return _byId[id];
    }
}
