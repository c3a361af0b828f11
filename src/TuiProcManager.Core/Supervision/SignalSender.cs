using System.Globalization;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;

namespace TuiProcManager.Core.Supervision;

/// <summary>Signals to a worker's process group, each one published as it is sent, and the SIGKILL that ends a terminate's grace period.</summary>
/// <remarks>
/// <para>
/// Called with the supervisor's gate held, on whichever thread decided the signal (a caller, the scheduler's
/// decisions on the clock or I/O thread, shutdown). The escalation timer runs on the clock scheduler and takes
/// the gate before it acts (through the <c>scheduleUnderGate</c> it is given).
/// </para>
/// <para>
/// Sending never blocks, and never reaches a reused PID: <see cref="IProcessHandle.SignalGroup"/> refuses to
/// signal a process that has been reaped, and an ended worker is not signalled at all.
/// </para>
/// </remarks>
internal sealed class SignalSender(EventPublisher events, Func<TimeSpan, Action, IDisposable> scheduleUnderGate)
{
    /// <summary>Signals a worker's process group and publishes it.</summary>
    /// <returns>False when the worker has ended or never started: nothing was sent.</returns>
    public bool SendToGroup(WorkerRecord w, ProcessSignal signal, string why, SignalCause cause = SignalCause.Request)
    {
        if (!w.IsAlive || w.Handle is null || !w.Handle.SignalGroup(signal))
        {
            return false;
        }

        events.Publish(new SignalSent(events.NextSequence(), events.Now, w.Id, signal, why, cause));
        return true;
    }

    /// <summary>A terminate's SIGKILL, due <paramref name="grace"/> from now unless the worker ends first (<see cref="CancelEscalation"/>).</summary>
    public void ScheduleEscalation(WorkerRecord w, TimeSpan grace) =>
        w.Escalation = scheduleUnderGate(grace, () =>
        {
            w.Escalation = null;
            SendToGroup(w, ProcessSignal.Kill, string.Create(
                CultureInfo.InvariantCulture, $"terminate: still alive {grace.TotalSeconds:0.###} s after SIGTERM"), SignalCause.FollowUp);
        });

    /// <summary>The worker ended: its pending SIGKILL, if any, is not sent.</summary>
    public static void CancelEscalation(WorkerRecord w)
    {
        w.Escalation?.Dispose();
        w.Escalation = null;
    }
}
