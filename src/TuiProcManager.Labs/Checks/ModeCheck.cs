using System.Globalization;
using TuiProcManager.Core.Scheduling;

namespace TuiProcManager.Labs.Checks;

/// <summary>The supervisor was put in <see cref="Mode"/> (with <see cref="Slots"/> run slots, if given). The lab file's <c>mode</c>.</summary>
public sealed class ModeCheck(SchedulingMode mode, int? slots) : Check
{
    /// <summary>The mode.</summary>
    public SchedulingMode Mode { get; } = mode;

    /// <summary>The slots; null for any.</summary>
    public int? Slots { get; } = slots;

    /// <inheritdoc />
    public override string Kind => "mode";

    /// <inheritdoc />
    public override bool IsMet(LabWorld world, Func<Check, bool> held)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Mode == Mode && (Slots is null || world.Slots == Slots);
    }

    /// <inheritdoc />
    public override string Describe() => "the mode switched to " + Name(Mode, Slots);

    /// <summary>A mode in words: "parallel", "pause-on-wait with 1 slot".</summary>
    public static string Name(SchedulingMode mode, int? slots) =>
        mode == SchedulingMode.Parallel ? "parallel"
        : slots is { } k ? string.Create(CultureInfo.InvariantCulture, $"pause-on-wait with {k} slot{(k == 1 ? "" : "s")}")
        : "pause-on-wait";
}
