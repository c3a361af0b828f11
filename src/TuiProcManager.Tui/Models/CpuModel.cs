using System.Collections.Immutable;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>The CPU panel's data: each worker's CPU over the last samples, and the machine's per-core use. UI thread only.</summary>
internal sealed class CpuModel(int history = 60)
{
    private readonly Dictionary<WorkerId, BoundedRing<double>> _workers = [];
    private readonly HashSet<WorkerId> _ended = [];
    private readonly Dictionary<WorkerId, int> _fading = []; // ended workers whose history still holds samples from before the end: zeros to add

    public int History => history;

    /// <summary>
    /// How far a core's use must move from what its meter shows before the meter follows, in points.
    /// /proc/stat counts CPU time in 1/100 s, so a one-second sample of one core is good to about a point
    /// either way: an idle core read 0, 1, 0, 2, 1… and its meter, redrawn every second, was the only thing
    /// a screen of sleeping workers sent over SSH.
    /// </summary>
    internal const double MeterStep = 2;

    /// <summary>Each core's use as its meter shows it, 0 to 100: the last sample, or the one before when within <see cref="MeterStep"/> of it.</summary>
    public ImmutableArray<double> Cores { get; private set; } = [];

    /// <summary>Recent samples of every core's average use, for the machine's line.</summary>
    public BoundedRing<double> MachineHistory { get; } = new(history);

    /// <summary>The worker's CPU (its own process and all its descendants, 100 = one core), oldest first.</summary>
    /// <remarks>
    /// An ended worker uses no CPU: its end adds a 0, and so does every machine sample (one a second, as a
    /// worker's own) until its history has moved out of view, so the graph's newest column is always now.
    /// </remarks>
    public BoundedRing<double>? For(WorkerId worker) => _workers.GetValueOrDefault(worker);

    /// <summary>Whether the worker has ended (its CPU is 0 from then on).</summary>
    public bool HasEnded(WorkerId worker) => _ended.Contains(worker);

    /// <summary>Forgets every sample.</summary>
    public void Clear()
    {
        _workers.Clear();
        _ended.Clear();
        _fading.Clear();
        Cores = [];
        MachineHistory.Clear();
    }

    public bool Apply(SupervisorEvent e)
    {
        switch (e)
        {
            case ResourceSampled s when !_ended.Contains(s.Worker): // a reading taken before the end says nothing of now
                if (!_workers.TryGetValue(s.Worker, out BoundedRing<double>? ring))
                {
                    _workers[s.Worker] = ring = new BoundedRing<double>(history);
                }

                ring.Add(s.Process.CpuPercent + s.Descendants.Sum(d => d.CpuPercent));
                return true;
            case MachineSampled m:
                Cores = Steady(Cores, m.CoreBusyPercent);
                MachineHistory.Add(m.CoreBusyPercent.IsEmpty ? 0 : m.CoreBusyPercent.Average());
                FadeEnded();
                return true;
            case WorkerEnded ended:
                _ended.Add(ended.Worker);
                if (_workers.TryGetValue(ended.Worker, out BoundedRing<double>? last))
                {
                    last.Add(0);
                    _fading[ended.Worker] = history - 1;
                }

                return true;
            case SupervisorSnapshot snapshot:
                foreach (WorkerInfo w in snapshot.Workers.Where(w => w.State == WorkerState.Ended))
                {
                    _ended.Add(w.Worker);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The new readings, each kept at its shown value while it stays within <see cref="MeterStep"/> of it.</summary>
    private static ImmutableArray<double> Steady(ImmutableArray<double> shown, ImmutableArray<double> read) =>
        shown.Length != read.Length ? read
            : [.. read.Select((r, i) => Math.Abs(r - shown[i]) < MeterStep ? shown[i] : r)];

    private void FadeEnded()
    {
        foreach (WorkerId worker in _fading.Keys.ToList())
        {
            _workers[worker].Add(0);
            if (--_fading[worker] <= 0)
            {
                _fading.Remove(worker);
            }
        }
    }
}
