using TuiProcManager.Core.Events;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>One line of the process table: a worker, or one of its descendants indented beneath it.</summary>
/// <param name="Worker">The worker (for a descendant, the one it belongs to).</param>
/// <param name="Descendant">The descendant, or null for the worker's own line.</param>
/// <param name="Depth">0 for a worker, 1 for its children, 2 for grandchildren…</param>
internal readonly record struct ProcessLine(WorkerRow Worker, DescendantRow? Descendant, int Depth);

/// <summary>The process table, folded from the event stream: one row per worker, its descendants beneath.</summary>
/// <remarks>UI thread only. <see cref="Apply"/> returns whether anything visible changed.</remarks>
internal sealed class ProcessTableModel
{
    private readonly List<WorkerRow> _workers = [];
    private readonly Dictionary<WorkerId, WorkerRow> _byId = [];
    private List<ProcessLine>? _lines;

    public IReadOnlyList<WorkerRow> Workers => _workers;

    /// <summary>Workers and their descendants, flattened in display order.</summary>
    public IReadOnlyList<ProcessLine> Lines => _lines ??= Flatten();

    public WorkerRow? Find(WorkerId id) => _byId.GetValueOrDefault(id);

    /// <summary>How many workers are in each shown state (queued apart from paused).</summary>
    public IReadOnlyDictionary<ShownState, int> CountByState() =>
        _workers.GroupBy(w => w.Shown).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Forgets every worker.</summary>
    public void Clear()
    {
        _workers.Clear();
        _byId.Clear();
        _lines = null;
    }

    public bool Apply(SupervisorEvent e)
    {
        bool changed = e switch
        {
            SupervisorSnapshot s => Load(s),
            WorkerSpawned s => Add(new WorkerRow(s.Worker, s.Spec, s.Time) { Pid = s.Pid }),
            WorkerStateChanged s => Update(s.Worker, w =>
            {
                w.Queue.StateChanged(s.To);
                w.State = s.To;
            }),
            WorkerScheduled s => Update(s.Worker, w => w.Queue.Decided(s.Change, w.State)),
            WorkerEnded s => Update(s.Worker, w => Ended(w, s)),
            ResourceSampled s when Find(s.Worker) is { IsAlive: true } row => Sample(row, s),
            DescendantStateChanged s => Update(s.Worker, w => Descendant(w, s)),
            JoinStarted s => Update(s.Worker, w => w.PendingJoins++),
            WorkerOutputHeld s => Update(s.Worker, w => w.OutputHeld = s.Held),
            WorkerJoined s => Update(s.Worker, w => (w.PendingJoins, w.Joined) = (Math.Max(0, w.PendingJoins - 1), w.Joined || s.Outcome == JoinOutcome.Ended)),
            _ => false,
        };
        if (changed)
        {
            _lines = null;
        }

        return changed;
    }

    private bool Load(SupervisorSnapshot snapshot)
    {
        _workers.Clear();
        _byId.Clear();
        foreach (WorkerInfo info in snapshot.Workers)
        {
            WorkerRow row = new(info.Worker, info.Spec, info.StartedAt)
            {
                Queue = new QueueStatus(info.Queued, info.State),
                Pid = info.Pid,
                State = info.State,
                Exit = info.Exit,
                EndedAt = info.EndedAt,
                Joined = info.Joined,
                OutputHeld = info.OutputHeld,
                CpuPercent = info.LastSample?.CpuPercent ?? 0,
                CpuTime = info.LastSample?.CpuTime ?? TimeSpan.Zero,
                ResidentBytes = info.LastSample?.ResidentBytes ?? 0,
            };
            row.Descendants.AddRange(info.Descendants.Select(DescendantRow.From));
            Add(row);
        }

        return true;
    }

    private bool Add(WorkerRow row)
    {
        if (_byId.TryAdd(row.Id, row))
        {
            _workers.Add(row);
        }

        return true;
    }

    private bool Update(WorkerId id, Action<WorkerRow> update)
    {
        if (!_byId.TryGetValue(id, out WorkerRow? row))
        {
            return false; // before our snapshot: its spawn is what we missed, and the snapshot covers it
        }

        update(row);
        return true;
    }

    /// <summary>
    /// A worker's end: its CPU and memory no longer count, and its descendants are no longer its own, as
    /// the supervisor forgets them at the end (each one's end is published before; this holds even if the
    /// screen's queue dropped those). A process seen again later is added by its own event.
    /// </summary>
    private static void Ended(WorkerRow w, WorkerEnded s)
    {
        (w.Exit, w.EndedAt, w.State) = (s.Exit, s.Time, WorkerState.Ended);
        w.CpuPercent = 0;
        w.Descendants.Clear();
    }

    /// <summary>A sample; false when it changes nothing shown (a sleeping worker's, once a second).</summary>
    private static bool Sample(WorkerRow w, ResourceSampled s)
    {
        (double cpu, TimeSpan time, long rss) = (w.CpuPercent, w.CpuTime, w.ResidentBytes);
        DescendantRow[] before = [.. w.Descendants];
        w.CpuPercent = s.Process.CpuPercent;
        w.CpuTime = s.Process.CpuTime;
        w.ResidentBytes = s.Process.ResidentBytes;
        Dictionary<int, WorkerState> states = before.ToDictionary(d => d.Pid, d => d.State);
        w.Descendants.Clear();
        foreach (ProcessSample d in s.Descendants)
        {
            // State changes arrive more often than samples: keep the latest known state.
            w.Descendants.Add(DescendantRow.From(d) with { State = states.GetValueOrDefault(d.Pid, d.State) });
        }

        return (cpu, time, rss) != (w.CpuPercent, w.CpuTime, w.ResidentBytes) || !before.SequenceEqual(w.Descendants);
    }

    private static void Descendant(WorkerRow w, DescendantStateChanged s)
    {
        int index = w.Descendants.FindIndex(d => d.Pid == s.Pid);
        if (s.To == WorkerState.Ended)
        {
            if (index >= 0)
            {
                w.Descendants.RemoveAt(index);
            }

            return;
        }

        if (index >= 0)
        {
            w.Descendants[index] = w.Descendants[index] with { State = s.To };
        }
        else
        {
            w.Descendants.Add(new DescendantRow(s.Pid, s.ParentPid, TerminalText.Sanitize(s.Name), s.To, 0, 0));
        }
    }

    private List<ProcessLine> Flatten()
    {
        List<ProcessLine> lines = new(_workers.Count);
        foreach (WorkerRow w in _workers)
        {
            lines.Add(new ProcessLine(w, null, 0));
            Dictionary<int, int> depth = new() { [w.Pid ?? -1] = 0 };
            foreach (DescendantRow d in w.Descendants)
            {
                int level = depth.GetValueOrDefault(d.ParentPid, 0) + 1;
                depth[d.Pid] = level;
                lines.Add(new ProcessLine(w, d, level));
            }
        }

        return lines;
    }
}
