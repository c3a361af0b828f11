using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

/// <summary>Turns what the OS reports into a worker state and the words that explain it.</summary>
internal static class StateClassifier
{
    /// <summary>
    /// The state for <paramref name="os"/>, or null when the reading says nothing new: a zombie is about
    /// to be reaped, and its end is reported with the exit status instead.
    /// </summary>
    public static (WorkerState State, string Why)? Classify(OsProcessState os, bool pausedByUs) => os switch
    {
        OsProcessState.Running => (WorkerState.Running, "on a CPU or runnable (R)"),
        OsProcessState.Sleeping => (WorkerState.Waiting, "blocked in the kernel, sleeping or waiting for an event (S)"),
        OsProcessState.DiskSleep => (WorkerState.Waiting, "blocked in the kernel, uninterruptibly, usually on disk I/O (D)"),
        OsProcessState.Stopped => (WorkerState.Paused, pausedByUs
            ? "stopped by tuiproc's SIGSTOP (T)"
            : "stopped by a signal from outside tuiproc (T)"),
        OsProcessState.TracingStop => (WorkerState.Paused, "stopped by a debugger (t)"),
        _ => null,
    };
}
