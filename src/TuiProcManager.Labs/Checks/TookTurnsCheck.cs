using System.Globalization;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Labs.Checks;

/// <summary>
/// Workers took turns on one CPU: in pause-on-wait mode with one slot, the one running worker changed
/// from one to another at least <see cref="AtLeast"/> times (one waits, another gets the turn). The lab
/// file's <c>tookTurns</c>.
/// </summary>
public sealed class TookTurnsCheck(int atLeast) : Check
{
    /// <summary>Fewest hand-overs.</summary>
    public int AtLeast { get; } = atLeast;

    /// <inheritdoc />
    public override string Kind => "tookTurns";

    /// <inheritdoc />
    public override bool IsMet(LabWorld world, Func<Check, bool> held)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Turns >= AtLeast;
    }

    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"workers took turns on one slot at least {Plural.Of(AtLeast, "time")} (pause-on-wait, 1 slot)");
}
