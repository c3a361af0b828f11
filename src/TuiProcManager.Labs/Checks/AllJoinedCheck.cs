namespace TuiProcManager.Labs.Checks;

/// <summary>
/// The lesson's <c>Done!</c>: every worker started so far has been joined (each join returned because it
/// ended), and there were at least <see cref="AtLeast"/>. The lab file's <c>allJoined</c>.
/// </summary>
/// <remarks>
/// <see cref="AtLeast"/> may be "cores", so that a lab that asks for one worker per core asks to join as
/// many, on a one-core machine too.
/// </remarks>
public sealed class AllJoinedCheck(Count atLeast) : Check
{
    /// <summary>Fewest workers joined.</summary>
    public Count AtLeast { get; } = atLeast;

    /// <inheritdoc />
    public override string Kind => "allJoined";

    /// <inheritdoc />
    public override bool IsMet(LabWorld world, Func<Check, bool> held)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Workers.Count >= AtLeast.Resolve(world) && world.Workers.Values.All(w => w.Joined);
    }

    /// <inheritdoc />
    public override string Describe() => $"every worker started joined, at least {AtLeast} (Done!)";
}
