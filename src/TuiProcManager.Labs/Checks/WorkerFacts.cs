using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Labs.Checks;

/// <summary>What a lab knows about one worker, folded from the event stream by <see cref="LabWorld"/>.</summary>
public sealed class WorkerFacts
{
    /// <summary>Most distinct output lines remembered per worker (for <c>printed</c> checks).</summary>
    public const int MaxLines = 2000;

    private readonly HashSet<string> _lines = new(StringComparer.Ordinal);

    internal WorkerFacts(WorkerId id, WorkerSpec spec, DateTimeOffset spawnedAt, SchedulingMode mode, int slots)
    {
        Id = id;
        Spec = spec;
        SpawnedAt = spawnedAt;
        ModeAtSpawn = mode;
        SlotsAtSpawn = slots;
    }

    /// <summary>The worker.</summary>
    public WorkerId Id { get; }

    /// <summary>What was started.</summary>
    public WorkerSpec Spec { get; }

    /// <summary>When it was spawned.</summary>
    public DateTimeOffset SpawnedAt { get; }

    /// <summary>The scheduling mode when it was spawned.</summary>
    public SchedulingMode ModeAtSpawn { get; }

    /// <summary>The run slots when it was spawned.</summary>
    public int SlotsAtSpawn { get; }

    /// <summary>Its state as last reported.</summary>
    public WorkerState State { get; internal set; } = WorkerState.Starting;

    /// <summary>How it ended; null while it lives.</summary>
    public WorkerExit? Exit { get; internal set; }

    /// <summary>A join returned because it ended (<c>p.join()</c>).</summary>
    public bool Joined { get; internal set; }

    /// <summary>A join with a timeout gave up while it still ran (<c>p.join(2)</c> returned, <c>p.is_alive()</c> true).</summary>
    public bool JoinTimedOut { get; internal set; }

    /// <summary>Paused by a request (SIGSTOP) and not resumed since.</summary>
    public bool PausedByUser { get; internal set; }

    /// <summary>Seen in the paused state while paused by a request (the OS says it stopped).</summary>
    public bool SeenPaused { get; internal set; }

    /// <summary>Resumed by a request after a pause.</summary>
    public bool Resumed { get; internal set; }

    /// <summary>Terminated by a request (SIGTERM).</summary>
    public bool Terminated { get; internal set; }

    /// <summary>Terminated by a request while it was paused.</summary>
    public bool TerminatedWhilePaused { get; internal set; }

    /// <summary>Killed by a request (SIGKILL).</summary>
    public bool Killed { get; internal set; }

    /// <summary>The pool it works for, if a pool worker.</summary>
    public PoolId? Pool => Spec.Pool;

    /// <summary>Distinct lines it printed (stdout and stderr, trimmed), at most <see cref="MaxLines"/>.</summary>
    public IReadOnlySet<string> Lines => _lines;

    internal void Printed(string line)
    {
        if (_lines.Count < MaxLines)
        {
            _lines.Add(line.Trim());
        }
    }
}
