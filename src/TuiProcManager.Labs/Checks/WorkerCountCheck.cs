namespace TuiProcManager.Labs.Checks;

/// <summary>
/// At least <see cref="Count"/> workers matching <see cref="Filter"/> to which <see cref="Fact"/> happened:
/// the lab file's <c>spawned</c>, <c>joined</c>, <c>paused</c>, <c>resumed</c>,
/// <c>terminatedWhilePaused</c>, <c>killed</c> and <c>joinTimedOut</c>.
/// </summary>
public sealed class WorkerCountCheck(WorkerFact fact, WorkerFilter filter, Count count) : Check
{
    /// <summary>What must have happened.</summary>
    public WorkerFact Fact { get; } = fact;

    /// <summary>To which workers.</summary>
    public WorkerFilter Filter { get; } = filter;

    /// <summary>To how many of them.</summary>
    public Count Count { get; } = count;

    /// <inheritdoc />
    public override string Kind => Names[Fact];

    /// <summary>The check's name in a lab file, for each fact.</summary>
    public static IReadOnlyDictionary<WorkerFact, string> Names { get; } = new Dictionary<WorkerFact, string>
    {
        [WorkerFact.Spawned] = "spawned",
        [WorkerFact.Joined] = "joined",
        [WorkerFact.Paused] = "paused",
        [WorkerFact.Resumed] = "resumed",
        [WorkerFact.TerminatedWhilePaused] = "terminatedWhilePaused",
        [WorkerFact.Killed] = "killed",
        [WorkerFact.JoinTimedOut] = "joinTimedOut",
    };

    /// <inheritdoc />
    public override bool IsMet(LabWorld world, Func<Check, bool> held)
    {
        ArgumentNullException.ThrowIfNull(world);
        int needed = Count.Resolve(world);
        return world.Workers.Values.Count(w => Filter.Matches(w) && Happened(w)) >= needed;
    }

    /// <inheritdoc />
    public override string Describe() => Filter.Describe(Count.Fixed == 1 ? "a" : Count.ToString()) + Fact switch
    {
        WorkerFact.Spawned => " started",
        WorkerFact.Joined => " joined (the join returned because it ended)",
        WorkerFact.Paused => " paused by you (SIGSTOP) and seen stopped",
        WorkerFact.Resumed => " resumed by you (SIGCONT) after a pause",
        WorkerFact.TerminatedWhilePaused => " terminated (SIGTERM) while paused, and ended",
        WorkerFact.Killed => " killed by you (SIGKILL), and ended",
        _ => " joined with a timeout that ran out while it still ran",
    };

    private bool Happened(WorkerFacts w) => Fact switch
    {
        WorkerFact.Spawned => true,
        WorkerFact.Joined => w.Joined,
        WorkerFact.Paused => w.SeenPaused,
        WorkerFact.Resumed => w.Resumed,
        WorkerFact.TerminatedWhilePaused => w.TerminatedWhilePaused && w.Exit is not null,
        WorkerFact.Killed => w.Killed && w.Exit is not null,
        _ => w.JoinTimedOut,
    };
}
