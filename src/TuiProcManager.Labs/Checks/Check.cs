namespace TuiProcManager.Labs.Checks;

/// <summary>
/// What makes a lab step done, read from the event stream: "a square worker with N = 10 was spawned",
/// "both workers were joined", "two workers took turns on one CPU". Immutable: a predicate over the
/// <see cref="LabWorld"/>. A session evaluates every check after every event and latches the first
/// moment it holds, so a step is done however, and in whatever order, the student did it.
/// </summary>
public abstract class Check
{
    /// <summary>The check's name in a lab file (<c>spawned</c>, <c>joined</c>, <c>tookTurns</c>…).</summary>
    public abstract string Kind { get; }

    /// <summary>Checks this one is made of (<c>all</c>, <c>any</c>); empty for the others.</summary>
    public virtual IReadOnlyList<Check> Parts => [];

    /// <summary>Whether it holds now; <paramref name="held"/> says whether a part has held at some moment so far.</summary>
    public abstract bool IsMet(LabWorld world, Func<Check, bool> held);

    /// <summary>What it waits for, in words (for <c>--check</c> and the report): "a square worker with N = 10 spawned".</summary>
    public abstract string Describe();
}
