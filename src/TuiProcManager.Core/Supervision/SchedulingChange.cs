using TuiProcManager.Core.Scheduling;

namespace TuiProcManager.Core.Supervision;

/// <summary>A request to <see cref="ISupervisor.ChangeSchedulingAsync"/>: the mode, the run slots, or both.</summary>
/// <remarks>Relative changes (<see cref="ToggleMode"/>, <see cref="SlotDelta"/>) are applied to the supervisor's own
/// state when it decides, so that two quick keys make two steps even before the screen shows the first.</remarks>
public sealed record SchedulingChange
{
    /// <summary>The mode to switch to; null keeps it (or toggles it, with <see cref="ToggleMode"/>).</summary>
    public SchedulingMode? Mode { get; init; }

    /// <summary>Parallel ↔ pause-on-wait.</summary>
    public bool ToggleMode { get; init; }

    /// <summary>The run slots to set; null keeps them (or moves them by <see cref="SlotDelta"/>).</summary>
    public int? Slots { get; init; }

    /// <summary>Slots more (or fewer, when negative), kept between 1 and <see cref="PauseOnWaitPolicy.MaxSlots"/>.</summary>
    public int SlotDelta { get; init; }

    /// <summary>The <c>w</c> key: parallel ↔ pause-on-wait, with the slots set so far.</summary>
    public static SchedulingChange Toggle { get; } = new() { ToggleMode = true };

    /// <summary>The <c>+</c> and <c>-</c> keys.</summary>
    public static SchedulingChange MoveSlots(int delta) => new() { SlotDelta = delta };

    /// <summary>An exact mode and slots (the command line's <c>--mode</c> and <c>--slots</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slots"/> is below 1.</exception>
    public static SchedulingChange To(SchedulingMode mode, int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        return new() { Mode = mode, Slots = slots };
    }
}
