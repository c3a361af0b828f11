using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>One worker's lane: when its shown state changed.</summary>
internal sealed class Lane(WorkerId worker, string name, DateTimeOffset start, WorkerState state, QueueStatus queue)
{
    public WorkerId Worker { get; } = worker;

    public string Name { get; } = name;

    /// <summary>Shown state changes in time order; the first is the spawn.</summary>
    public List<(DateTimeOffset At, ShownState State)> Changes { get; } = [(start, new ShownState(state, queue.IsQueued(state)))];

    /// <summary>Whether the scheduler holds it in its queue.</summary>
    public QueueStatus Queue { get; } = queue;

    public ShownState Current => Changes[^1].State;
}

/// <summary>A state change as the transitions list shows it.</summary>
/// <param name="At">When.</param>
/// <param name="Worker">Whose.</param>
/// <param name="Name">The worker's display name.</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="Why">What the OS said, or how it ended, after the scheduler's reason if it had one.</param>
internal readonly record struct Transition(DateTimeOffset At, WorkerId Worker, string Name, ShownState From, ShownState To, string Why);

/// <summary>
/// The states panel: one lane per worker, cut into time slices, and the latest transitions. A glance
/// shows which workers ran at the same time (parallel) and which took turns (concurrent). UI thread only.
/// </summary>
/// <remarks>
/// Queued (stopped by the pause-on-wait scheduler) is a state of its own here, though the OS sees it as
/// paused: a scheduler decision that turns a stopped worker's pause into a queue, or back, without the OS
/// state changing, is a transition too (with the scheduler's reason).
/// </remarks>
internal sealed class TimelineModel(int transitionLog = 200, int changesPerLane = 4_000)
{
    private readonly List<Lane> _lanes = [];
    private readonly Dictionary<WorkerId, Lane> _byId = [];

    public IReadOnlyList<Lane> Lanes => _lanes;

    public BoundedRing<Transition> Log { get; } = new(transitionLog);

    /// <summary>Forgets every lane and transition.</summary>
    public void Clear()
    {
        _lanes.Clear();
        _byId.Clear();
        Log.Clear();
    }

    public bool Apply(SupervisorEvent e)
    {
        switch (e)
        {
            case SupervisorSnapshot s:
                _lanes.Clear();
                _byId.Clear();
                foreach (WorkerInfo w in s.Workers)
                {
                    Lane lane = Add(w.Worker, w.Spec.DisplayName, w.StartedAt, WorkerState.Starting, new QueueStatus(w.Queued, w.State));
                    if (w.State != WorkerState.Starting)
                    {
                        // History before the snapshot is not known.
                        lane.Changes.Add((w.EndedAt ?? s.Time, new ShownState(w.State, lane.Queue.IsQueued(w.State))));
                    }
                }

                return true;
            case WorkerSpawned s:
                Add(s.Worker, s.Spec.DisplayName, s.Time, WorkerState.Starting, new QueueStatus());
                if (s.Note is { } note && _byId.TryGetValue(s.Worker, out Lane? started))
                {
                    Log.Add(new Transition(s.Time, started.Worker, started.Name, started.Current, started.Current, note));
                }

                return true;
            case WorkerStateChanged s when _byId.TryGetValue(s.Worker, out Lane? lane):
                lane.Queue.StateChanged(s.To);
                Change(lane, s.Time, new ShownState(s.To, lane.Queue.IsQueued(s.To)), s.Why);
                return true;
            case WorkerEnded s when _byId.TryGetValue(s.Worker, out Lane? lane) && lane.Current.State != WorkerState.Ended:
                // Its state change to ended comes first and is enough, unless the screen's queue dropped it:
                // the end itself never is, and a lane must not run on after its worker.
                Change(lane, s.Time, new ShownState(WorkerState.Ended), s.Exit.ToString());
                return true;
            case WorkerScheduled s when _byId.TryGetValue(s.Worker, out Lane? lane):
                WorkerState state = lane.Current.State;
                lane.Queue.Decided(s.Change, state);
                ShownState shown = new(state, lane.Queue.IsQueued(state));
                if (shown == lane.Current)
                {
                    return false; // the OS state change that follows carries the reason
                }

                Change(lane, s.Time, shown, "pause-on-wait: " + s.Why);
                return true;
            case WorkerOutputHeld held when _byId.TryGetValue(held.Worker, out Lane? lane):
                // Not a state change either: why a worker may sit in write() while nothing looks wrong.
                Log.Add(new Transition(held.Time, lane.Worker, lane.Name, lane.Current, lane.Current, held.Held
                    ? $"output held: {held.By} is behind (it blocks once its pipe is full; not hung)"
                    : "output read again"));
                return true;
            case ProcessLeftBehind left when _byId.TryGetValue(left.Worker, out Lane? lane):
                // Not a state change of the worker: logged with its state unchanged, so that it shows.
                Log.Add(new Transition(left.Time, lane.Worker, lane.Name, lane.Current, lane.Current, left.Describe()));
                return true;
            default:
                return false;
        }
    }

    private void Change(Lane lane, DateTimeOffset at, ShownState to, string why)
    {
        ShownState from = lane.Current;
        lane.Changes.Add((at, to));
        if (lane.Changes.Count > changesPerLane)
        {
            lane.Changes.RemoveRange(0, lane.Changes.Count - changesPerLane);
        }

        Log.Add(new Transition(at, lane.Worker, lane.Name, from, to, why));
    }

    /// <summary>
    /// The lane's state in each of <paramref name="count"/> slices of <paramref name="slice"/> ending at
    /// <paramref name="now"/>, oldest first: the state it spent most of the slice in; null before it was spawned.
    /// </summary>
    public static ShownState?[] Cells(Lane lane, DateTimeOffset now, TimeSpan slice, int count)
    {
        ShownState?[] cells = new ShownState?[count];
        DateTimeOffset windowStart = now - (slice * count);
        List<(DateTimeOffset At, ShownState State)> changes = lane.Changes;
        Span<long> time = stackalloc long[ShownState.Count];
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
                time[changes[i].State.Index] += (end - start).Ticks;
            }

            int best = 0;
            for (int s = 1; s < time.Length; s++)
            {
                if (time[s] > time[best])
                {
                    best = s;
                }
            }

            cells[c] = time[best] > 0 ? ShownState.FromIndex(best) : null;
        }

        return cells;
    }

    private Lane Add(WorkerId id, string name, DateTimeOffset at, WorkerState state, QueueStatus queue)
    {
        Lane lane = new(id, name, at, state, queue);
        if (_byId.TryAdd(id, lane))
        {
            _lanes.Add(lane);
        }

        return _byId[id];
    }
}
