using System.Collections.Immutable;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Scheduling;

/// <summary>
/// Folds the event stream into a <see cref="RunSummary"/>. A run is a stretch of time with at least one
/// worker alive: a spawn when none is alive starts a new one.
/// </summary>
/// <remarks>Plain fold, no clock: times come from the events. Not thread-safe; feed it from one subscriber.</remarks>
public sealed class RunSummaryBuilder
{
    private readonly Dictionary<WorkerId, Tracked> _workers = [];
    private readonly List<WorkerId> _order = [];
    private readonly List<TimeSpan> _wakeNotices = [];
    private DateTimeOffset? _start;
    private DateTimeOffset? _end;
    private int _alive;
    private SchedulingMode _mode = SchedulingMode.Parallel;
    private int _slots = 1;

    /// <summary>Whether a run has started and every worker of it has ended.</summary>
    public bool RunEnded => _start is not null && _alive == 0;

    /// <summary>Takes one event into account.</summary>
    public void Add(SupervisorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e)
        {
            case SupervisorSnapshot s:
                (_mode, _slots) = (s.Mode, s.Slots);
                foreach (WorkerInfo w in s.Workers.Where(w => w.State != WorkerState.Ended))
                {
                    Start(w.Worker, w.Spec.DisplayName, s.Time, w.State, w.Queued);
                }

                break;
            case SchedulingChanged c:
                (_mode, _slots) = (c.Mode, c.Slots);
                break;
            case WorkerSpawned s:
                Start(s.Worker, s.Spec.DisplayName, s.Time, WorkerState.Starting, queued: false);
                break;
            case WorkerScheduled s when _workers.TryGetValue(s.Worker, out Tracked? t):
                t.Queued = s.Change == SlotChange.Queued;
                if (s.NoticedWithin is { } noticed)
                {
                    _wakeNotices.Add(noticed);
                }

                break;
            case WorkerStateChanged c when _workers.TryGetValue(c.Worker, out Tracked? t):
                t.Account(c.Time);
                t.State = c.To;
                t.PausedByScheduler = c.To == WorkerState.Paused && t.Queued;
                if (c.To == WorkerState.Ended)
                {
                    _alive--;
                    _end = c.Time;
                }

                break;
            default:
                break;
        }
    }

    /// <summary>The summary of the current (or last) run; null before any spawn.</summary>
    /// <param name="cores">Cores for the all-at-once estimate.</param>
    /// <param name="now">For a run still going: where to stop counting.</param>
    public RunSummary? Build(int cores, DateTimeOffset? now = null)
    {
        if (_start is not { } start)
        {
            return null;
        }

        DateTimeOffset end = _alive == 0 && _end is { } e ? e : now ?? _end ?? start;
        return new RunSummary(
            end - start,
            _mode,
            _slots,
            [.. _order.Select(id => _workers[id].Times(id, _alive == 0 ? null : end))],
            cores,
            [.. _wakeNotices]);
    }

    private void Start(WorkerId id, string name, DateTimeOffset time, WorkerState state, bool queued)
    {
        if (_alive == 0)
        {
            _workers.Clear();
            _order.Clear();
            _wakeNotices.Clear();
            _start = time;
            _end = null;
        }

        _workers[id] = new Tracked(name, time) { State = state, Queued = queued, PausedByScheduler = queued && state == WorkerState.Paused };
        _order.Add(id);
        _alive++;
    }

    /// <summary>One worker's clock: the state it is in since when, and the time in each state so far.</summary>
    private sealed class Tracked(string name, DateTimeOffset since)
    {
        private DateTimeOffset _since = since;
        private TimeSpan _running, _waiting, _queued, _paused;

        public WorkerState State { get; set; }

        public bool Queued { get; set; }

        public bool PausedByScheduler { get; set; }

        public void Account(DateTimeOffset until)
        {
            TimeSpan spent = until > _since ? until - _since : TimeSpan.Zero;
            _since = until;
            switch (State)
            {
                case WorkerState.Starting or WorkerState.Running: _running += spent; break;
                case WorkerState.Waiting: _waiting += spent; break;
                case WorkerState.Paused when PausedByScheduler: _queued += spent; break;
                case WorkerState.Paused: _paused += spent; break;
                default: break;
            }
        }

        public WorkerTimes Times(WorkerId id, DateTimeOffset? now)
        {
            (DateTimeOffset since, TimeSpan r, TimeSpan w, TimeSpan q, TimeSpan p) saved = (_since, _running, _waiting, _queued, _paused);
            if (now is { } n && State != WorkerState.Ended)
            {
                Account(n);
            }

            WorkerTimes times = new(id, name, _running, _waiting, _queued, _paused);
            (_since, _running, _waiting, _queued, _paused) = saved;
            return times;
        }
    }
}
