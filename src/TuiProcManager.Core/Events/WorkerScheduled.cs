using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>A decision of the pause-on-wait scheduler about one worker (see <see cref="PauseOnWaitPolicy"/>).</summary>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Worker">See <see cref="WorkerEvent"/>.</param>
/// <param name="Change">What happened to it.</param>
/// <param name="Why">Why, in words.</param>
/// <param name="SlotsInUse">Slots held after the decision.</param>
/// <param name="Queued">Workers in the queue after the decision.</param>
/// <param name="NoticedWithin">For a worker that woke up: the time between the last reading that showed it waiting and
/// the one that showed it running, so at most this long it may have run without a slot. Null otherwise.</param>
public sealed record WorkerScheduled(
    long Sequence,
    DateTimeOffset Time,
    WorkerId Worker,
    SlotChange Change,
    string Why,
    int SlotsInUse,
    int Queued,
    TimeSpan? NoticedWithin = null)
    : WorkerEvent(Sequence, Time, Worker);
