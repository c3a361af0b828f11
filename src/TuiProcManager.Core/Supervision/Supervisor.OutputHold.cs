using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;

namespace TuiProcManager.Core.Supervision;

public sealed partial class Supervisor
{
    /// <summary>
    /// The reader held or let go of a worker's pipes (for a lossless consumer that fell behind, see
    /// <see cref="Streaming.OutputFlow"/>). A hold is published once it has lasted
    /// <see cref="SupervisorOptions.OutputHeldNoticeDelay"/>; its end only if it was published.
    /// </summary>
    private void OnOutputHeld(WorkerRecord w, bool held)
    {
        lock (_gate)
        {
            if (!w.Launched)
            {
                (w.Early ??= []).Add(() => OnOutputHeld(w, held));
                return;
            }

            if (!w.IsAlive)
            {
                return;
            }

            if (held)
            {
                w.OutputHeld = true;
                w.OutputHeldNotice ??= _schedulers.Clock.Schedule(_options.OutputHeldNoticeDelay, () => ReportOutputHeld(w));
            }
            else
            {
                EndOutputHold(w);
            }
        }
    }

    private void ReportOutputHeld(WorkerRecord w)
    {
        lock (_gate)
        {
            // A notice cancelled while this was already waiting for the gate finds the hold over, or a
            // new one that it may report a little early: either is true.
            w.OutputHeldNotice = null;
            if (w.IsAlive && w.OutputHeld && !w.OutputHeldReported)
            {
                w.OutputHeldReported = true;
                _events.Publish(new WorkerOutputHeld(_events.NextSequence(), Now, w.Id, Held: true, _flow.HeldBy(w.Id)));
            }
        }
    }

    /// <summary>
    /// The hold is over (let go, or the worker ends: then before its end is published): a pending notice is
    /// cancelled, a published one undone. Caller holds the gate.
    /// </summary>
    private void EndOutputHold(WorkerRecord w)
    {
        w.OutputHeldNotice?.Dispose();
        w.OutputHeldNotice = null;
        w.OutputHeld = false;
        if (w.OutputHeldReported)
        {
            w.OutputHeldReported = false;
            _events.Publish(new WorkerOutputHeld(_events.NextSequence(), Now, w.Id, Held: false, ""));
        }
    }
}
