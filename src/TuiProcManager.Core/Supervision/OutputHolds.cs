using TuiProcManager.Core.Events;
using TuiProcManager.Core.Streaming;

namespace TuiProcManager.Core.Supervision;

/// <summary>
/// Workers whose output pipes the reader holds for a lossless consumer that fell behind (see
/// <see cref="OutputFlow"/>). A hold is published once it has lasted <see cref="SupervisorOptions.OutputHeldNoticeDelay"/>;
/// its end only if it was published.
/// </summary>
/// <remarks>
/// Called with the supervisor's gate held: on the I/O thread (the reader holds or lets go), or on whichever
/// thread ends the worker. The delayed notice runs on the clock scheduler and takes the gate before it acts
/// (through the <c>scheduleUnderGate</c> it is given).
/// </remarks>
internal sealed class OutputHolds(EventPublisher events, OutputFlow flow, TimeSpan noticeDelay, Func<TimeSpan, Action, IDisposable> scheduleUnderGate)
{
    /// <summary>The reader held or let go of a live worker's pipes.</summary>
    public void OnOutputHeld(WorkerRecord w, bool held)
    {
        if (!w.IsAlive)
        {
            return;
        }

        if (held)
        {
            w.OutputHeld = true;
            w.OutputHeldNotice ??= scheduleUnderGate(noticeDelay, () => ReportOutputHeld(w));
        }
        else
        {
            EndOutputHold(w);
        }
    }

    /// <summary>
    /// The hold is over (let go, or the worker ends: then before its end is published): a pending notice is
    /// cancelled, a published one undone.
    /// </summary>
    public void EndOutputHold(WorkerRecord w)
    {
        w.OutputHeldNotice?.Dispose();
        w.OutputHeldNotice = null;
        w.OutputHeld = false;
        if (w.OutputHeldReported)
        {
            w.OutputHeldReported = false;
            events.Publish(new WorkerOutputHeld(events.NextSequence(), events.Now, w.Id, Held: false, ""));
        }
    }

    private void ReportOutputHeld(WorkerRecord w)
    {
        // A notice cancelled while this was already waiting for the gate finds the hold over, or a new one
        // that it may report a little early: either is true.
        w.OutputHeldNotice = null;
        if (w.IsAlive && w.OutputHeld && !w.OutputHeldReported)
        {
            w.OutputHeldReported = true;
            events.Publish(new WorkerOutputHeld(events.NextSequence(), events.Now, w.Id, Held: true, flow.HeldBy(w.Id)));
        }
    }
}
