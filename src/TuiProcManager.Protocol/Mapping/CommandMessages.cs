using TuiProcManager.Core.Supervision;

namespace TuiProcManager.Protocol;

/// <summary>The requests and replies of the supervisor's commands that carry Core types, both ways.</summary>
/// <remarks>Errors are as in <see cref="ValueMessages"/>: a <see cref="ProtocolException"/> naming the field.</remarks>
public static class CommandMessages
{
    /// <summary>A change of scheduling, as a request.</summary>
    public static V1.SchedulingChangeRequest ToWire(this SchedulingChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        V1.SchedulingChangeRequest m = new() { ToggleMode = change.ToggleMode, SlotDelta = change.SlotDelta };
        if (change.Mode is { } mode)
        {
            m.Mode = mode.ToWire();
        }

        if (change.Slots is { } slots)
        {
            m.Slots = slots;
        }

        return m;
    }

    /// <summary>
    /// The change asked for. The slots are not checked here: the supervisor keeps them between 1 and its
    /// maximum, as it does for the keys.
    /// </summary>
    /// <exception cref="ProtocolException">An unknown mode.</exception>
    public static SchedulingChange ToCore(this V1.SchedulingChangeRequest m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new SchedulingChange
        {
            Mode = m.HasMode ? m.Mode.ToCore("mode") : null,
            ToggleMode = m.ToggleMode,
            Slots = m.HasSlots ? m.Slots : null,
            SlotDelta = m.SlotDelta,
        };
    }

    /// <summary>The mode and slots a change left, as a reply.</summary>
    public static V1.SchedulingReply ToWire(this SchedulingOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new V1.SchedulingReply { Mode = outcome.Mode.ToWire(), Slots = outcome.Slots, Changed = outcome.Changed };
    }

    /// <summary>The mode and slots a change left.</summary>
    /// <exception cref="ProtocolException">An unknown mode.</exception>
    public static SchedulingOutcome ToCore(this V1.SchedulingReply m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new SchedulingOutcome(m.Mode.ToCore("mode"), m.Slots, m.Changed);
    }

    /// <summary>What a pause or resume did, as a reply's outcome.</summary>
    public static V1.PauseReply.Types.Outcome ToWire(this PauseOutcome outcome) => outcome switch
    {
        PauseOutcome.Paused => V1.PauseReply.Types.Outcome.Paused,
        PauseOutcome.Resumed => V1.PauseReply.Types.Outcome.Resumed,
        PauseOutcome.Ended => V1.PauseReply.Types.Outcome.AlreadyEnded,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "no wire form"),
    };

    /// <summary>What a pause or resume did.</summary>
    /// <exception cref="ProtocolException">A value this build does not know.</exception>
    public static PauseOutcome ToCore(this V1.PauseReply.Types.Outcome m, string field = "outcome") => m switch
    {
        V1.PauseReply.Types.Outcome.Paused => PauseOutcome.Paused,
        V1.PauseReply.Types.Outcome.Resumed => PauseOutcome.Resumed,
        V1.PauseReply.Types.Outcome.AlreadyEnded => PauseOutcome.Ended,
        _ => throw InvalidField.UnknownValue(field, "PauseReply.Outcome", (int)m),
    };
}
