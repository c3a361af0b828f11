namespace TuiProcManager.Sessions.Server;

/// <summary>
/// How much of a session's past <see cref="SessionHistory"/> keeps for a screen that attaches later: what
/// the UI keeps itself (its scrollback, its CPU history, its timeline), so that a screen re-attached shows
/// what it would have shown had it stayed. Lifecycle, join, result, pool and scheduling events are all kept.
/// </summary>
public sealed record HistoryLimits
{
    /// <summary>Output lines kept per worker: the UI's per-worker scrollback (2,000).</summary>
    public int LinesPerWorker { get; init; } = 2_000;

    /// <summary>Output lines kept over all workers: the oldest go first past this (a pool of hundreds).</summary>
    public int Lines { get; init; } = 100_000;

    /// <summary>Resource samples kept per worker, and machine samples: the CPU panel's 60 seconds.</summary>
    public int SamplesPerWorker { get; init; } = 60;

    /// <summary>State changes kept per worker (the timeline's lane keeps 4,000), signals and slots included.</summary>
    public int ChangesPerWorker { get; init; } = 4_000;
}
