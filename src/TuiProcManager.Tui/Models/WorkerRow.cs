using TuiProcManager.Core.Events;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>One worker as the process table shows it. Mutable, UI thread only.</summary>
internal sealed class WorkerRow(WorkerId id, WorkerSpec spec, DateTimeOffset startedAt)
{
    public WorkerId Id { get; } = id;

    public WorkerSpec Spec { get; } = spec;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public int? Pid { get; set; }

    public WorkerState State { get; set; } = WorkerState.Starting;

    /// <summary>Whether the pause-on-wait scheduler holds it stopped in its queue.</summary>
    public QueueStatus Queue { get; init; } = new();

    /// <summary>Its state as shown: queued is told apart from paused.</summary>
    public ShownState Shown => new(State, Queue.IsQueued(State));

    public double CpuPercent { get; set; }

    /// <summary>CPU time its own process has used, at the last sample (ps's and htop's TIME).</summary>
    public TimeSpan CpuTime { get; set; }

    public long ResidentBytes { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public WorkerExit? Exit { get; set; }

    /// <summary>Joins waiting for this worker (a join started and not yet ended).</summary>
    public int PendingJoins { get; set; }

    public bool Joined { get; set; }

    /// <summary>Its output pipes are held for a lossless consumer that is behind (see <see cref="WorkerOutputHeld"/>): it blocks when it writes, it is not hung.</summary>
    public bool OutputHeld { get; set; }

    /// <summary>Live descendants by PID, parents before children.</summary>
    public List<DescendantRow> Descendants { get; } = [];

    /// <summary>CPU of the worker and all its descendants, 100 = one core.</summary>
    public double TotalCpuPercent => CpuPercent + Descendants.Sum(d => d.CpuPercent);

    /// <summary>Python's view: alive until it has ended.</summary>
    public bool IsAlive => State != WorkerState.Ended;
}

/// <summary>A process a worker started, as the table shows it beneath its worker.</summary>
/// <param name="Pid">Its PID.</param>
/// <param name="ParentPid">Its parent's PID (the worker's or another descendant's).</param>
/// <param name="Name">Short program name (/proc's comm, which the process sets as it likes: control characters made visible).</param>
/// <param name="State">Its state.</param>
/// <param name="CpuPercent">Its CPU use at the last sample.</param>
/// <param name="ResidentBytes">Its resident memory at the last sample.</param>
internal sealed record DescendantRow(int Pid, int ParentPid, string Name, WorkerState State, double CpuPercent, long ResidentBytes)
{
    public static DescendantRow From(ProcessSample s) => new(s.Pid, s.ParentPid, TerminalText.Sanitize(s.Name), s.State, s.CpuPercent, s.ResidentBytes);
}
