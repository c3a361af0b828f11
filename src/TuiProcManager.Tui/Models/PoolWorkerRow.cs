using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>One worker of a pool as the Pool panel shows it. Mutable, UI thread only.</summary>
internal sealed class PoolWorkerRow(WorkerId id)
{
    public WorkerId Id { get; } = id;

    public int? Pid { get; set; }

    /// <summary>Inputs (indices) handed to it and not yet done; the first is the one it computes.</summary>
    public LinkedList<int> InFlight { get; } = new();

    /// <summary>Inputs it computed.</summary>
    public int Done { get; set; }

    /// <summary>How it ended; null while alive.</summary>
    public WorkerExit? Exit { get; set; }

    /// <summary>The worker started in its place, once it died with work left.</summary>
    public WorkerId? ReplacedBy { get; set; }

    /// <summary>True once it was reported replaced but no replacement could be started.</summary>
    public bool ReplacementFailed { get; set; }

    /// <summary>The input it is computing now, if any.</summary>
    public int? Current => InFlight.First?.Value;
}
