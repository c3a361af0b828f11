using System.Globalization;

namespace TuiProcManager.Labs.Checks;

/// <summary>
/// The lesson's <c>Done!</c>: every worker started so far has been joined (each join returned because it
/// ended), and there were at least <see cref="AtLeast"/>. The lab file's <c>allJoined</c>.
/// </summary>
public sealed class AllJoinedCheck(int atLeast) : Check
{
    /// <summary>Fewest workers joined.</summary>
    public int AtLeast { get; } = atLeast;

    /// <inheritdoc />
    public override string Kind => "allJoined";

    /// <inheritdoc />
    public override bool IsMet(LabWorld world, Func<Check, bool> held)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Workers.Count >= AtLeast && world.Workers.Values.All(w => w.Joined);
    }

    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"every worker started joined, at least {AtLeast} (Done!)");
}
