using System.Collections.Immutable;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>The CPU panel's data: each worker's CPU over the last samples, and the machine's per-core use. UI thread only.</summary>
internal sealed class CpuModel(int history = 60)
{
    private readonly Dictionary<WorkerId, BoundedRing<double>> _workers = [];

    public int History => history;

    /// <summary>Each core's use at the last sample, 0 to 100.</summary>
    public ImmutableArray<double> Cores { get; private set; } = [];

    /// <summary>Recent samples of every core's average use, for the machine's line.</summary>
    public BoundedRing<double> MachineHistory { get; } = new(history);

    /// <summary>The worker's CPU (its own process and all its descendants, 100 = one core), oldest first.</summary>
    public BoundedRing<double>? For(WorkerId worker) => _workers.GetValueOrDefault(worker);

    public bool Apply(SupervisorEvent e)
    {
        switch (e)
        {
            case ResourceSampled s:
                if (!_workers.TryGetValue(s.Worker, out BoundedRing<double>? ring))
                {
                    _workers[s.Worker] = ring = new BoundedRing<double>(history);
                }

                ring.Add(s.Process.CpuPercent + s.Descendants.Sum(d => d.CpuPercent));
                return true;
            case MachineSampled m:
                Cores = m.CoreBusyPercent;
                MachineHistory.Add(m.CoreBusyPercent.IsEmpty ? 0 : m.CoreBusyPercent.Average());
                return true;
            default:
                return false;
        }
    }
}
