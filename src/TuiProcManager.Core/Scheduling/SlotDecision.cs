using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Scheduling;

/// <summary>One decision of <see cref="PauseOnWaitPolicy"/>, for the supervisor to carry out and publish.</summary>
/// <param name="Worker">The worker.</param>
/// <param name="Change">What happens to it.</param>
/// <param name="Why">Why, in words, for the timeline.</param>
/// <param name="Signal">Whether carrying it out takes a signal: SIGSTOP for <see cref="SlotChange.Queued"/>; SIGCONT
/// for <see cref="SlotChange.Granted"/> to a stopped worker, and for <see cref="SlotChange.Left"/> when a queued worker
/// is let go (the mode was switched off).</param>
public readonly record struct SlotDecision(WorkerId Worker, SlotChange Change, string Why, bool Signal);
