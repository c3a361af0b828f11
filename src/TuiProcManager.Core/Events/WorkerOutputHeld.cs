using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>
/// The supervisor stopped (or resumed) reading a worker's output pipes because a lossless consumer (the
/// printed output of <c>run</c>, an events file) is that far behind: a worker that writes on while held
/// blocks in <c>write()</c> once its pipe is full, as it would in a shell pipeline. It is not hung.
/// </summary>
/// <remarks>
/// Published only for a hold that lasts (see <see cref="Supervision.SupervisorOptions.OutputHeldNoticeDelay"/>):
/// a consumer that keeps up but for a moment holds a flooding worker many times a second, and that is
/// not worth an event each time. A <c>Held = false</c> follows every <c>Held = true</c>, at the latest
/// before the worker's end.
/// </remarks>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Worker">See <see cref="WorkerEvent"/>.</param>
/// <param name="Held">True: its pipes are no longer read; false: they are read again.</param>
/// <param name="By">The consumers it waits for (e.g. "stdout", "the events file"); empty when released.</param>
public sealed record WorkerOutputHeld(long Sequence, DateTimeOffset Time, WorkerId Worker, bool Held, string By)
    : WorkerEvent(Sequence, Time, Worker);
