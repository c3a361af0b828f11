using System.Diagnostics;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Headless;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Linux.Hosting;

namespace TuiProcManager.CommandLine;

/// <summary>
/// Makes a signal (SIGHUP, SIGTERM, SIGINT, Ctrl+C) end the UI's process whatever the UI is doing: on a
/// thread of its own, it stops every worker at once, kills them after <see cref="KillAfter"/>, and ends the
/// process after <see cref="ExitAfter"/>, should the UI not have ended it by then.
/// </summary>
/// <remarks>
/// <para>
/// The UI's own way out (close any dialog, stop the workers, restore the terminal, exit with 128 + the
/// signal) runs on the UI thread, between two iterations of its loop; this is for when that thread cannot
/// get there: blocked in a write to a terminal that does not read, or busy (a paste, a slow draw) for
/// longer than the bound. Nothing here waits for the UI thread, the thread pool or a timer: the thread
/// is started before the UI and sleeps on the token's wait handle, which the cancellation sets before it
/// runs any callback (so a callback that blocks cannot hold it up either).
/// </para>
/// <para>
/// It was a Task.Delay continuation on the token before. With a dialog open, the UI thread held
/// Terminal.Gui's timer lock for the dialog's whole life (a dialog ran inside a timer callback); the UI's
/// own token callback, run first, blocked on that lock in app.Invoke, and the callbacks after it, the
/// watchdog's among them, never ran: tuiproc lived on after SIGHUP, SIGTERM and the terminal's end.
/// </para>
/// </remarks>
internal sealed class SignalWatchdog : IDisposable
{
    /// <summary>How long the UI has, after a signal, to stop the workers itself (grace period 3 s, and some).</summary>
    public static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(6);

    /// <summary>When the process ends, whatever the UI thread is doing.</summary>
    public static readonly TimeSpan ExitAfter = TimeSpan.FromSeconds(8);

    /// <summary>How long the terminal may take the escape sequences that restore it.</summary>
    private static readonly TimeSpan RestoreBound = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the session's end may take (its workers are killed already).</summary>
    private static readonly TimeSpan EndBound = TimeSpan.FromSeconds(1);

    /// <summary>How long Environment.Exit may take (its ProcessExit handlers) before the process simply ends.</summary>
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(1);

    private readonly ISupervisor _supervisor;
    private readonly Func<bool>? _detaches;
    private readonly Func<Task>? _endSession;
    private readonly TerminationSignals _signals;
    private readonly TerminalRescue _terminal;
    private readonly ManualResetEvent _disposed = new(false);
    private readonly Thread _thread;

    /// <param name="supervisor">The workers to stop.</param>
    /// <param name="signals">The signals that start the watch.</param>
    /// <param name="terminal">Restored before the process ends.</param>
    /// <param name="detaches">Whether the signal that came means detach (a hang-up, in a session): then no
    /// worker is touched, and only the process is ended if the UI does not end by itself.</param>
    /// <param name="endSession">Ends the session the UI is attached to, when the watchdog has to end the
    /// process itself (the UI's own way out ends it otherwise): its server would linger on, idle.</param>
    public SignalWatchdog(ISupervisor supervisor, TerminationSignals signals, TerminalRescue terminal, Func<bool>? detaches = null, Func<Task>? endSession = null)
    {
        _supervisor = supervisor;
        _detaches = detaches;
        _endSession = endSession;
        _signals = signals;
        _terminal = terminal;
        _thread = new Thread(Watch) { IsBackground = true, Name = "tuiproc signal watchdog" };
        _thread.Start();
    }

    /// <summary>Sends SIGKILL to every worker's process group (thread-safe; no wait).</summary>
    public static void KillAll(ISupervisor supervisor)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        _ = supervisor.KillAllAsync(); // decided at once, under the supervisor's lock; a supervisor shut down has killed them itself
    }

    /// <summary>The normal way out is over: the watchdog stands down (a signal after this is not its business).</summary>
    public void Dispose()
    {
        _disposed.Set();
        // The thread is not joined: it may be in the middle of an exit, which ends the process anyway.
    }

    private void Watch()
    {
        if (WaitHandle.WaitAny([_signals.Token.WaitHandle, _disposed]) != 0)
        {
            return;
        }

        Stopwatch since = Stopwatch.StartNew();
        bool detach = _detaches?.Invoke() == true;
        try
        {
            if (!detach)
            {
                _ = _supervisor.TerminateAllAsync(); // SIGTERM now, SIGKILL after the grace period (the supervisor's clock thread)
            }
        }
        catch (ObjectDisposedException)
        {
            return; // shut down already: the normal way out is ending
        }

        if (_disposed.WaitOne(KillAfter))
        {
            return;
        }

        if (!detach)
        {
            KillAll(_supervisor);
        }

        if (_disposed.WaitOne(TimeSpan.FromTicks(Math.Max(0, (ExitAfter - since.Elapsed).Ticks))))
        {
            return;
        }

        if (!detach && _endSession is not null)
        {
            try
            {
                _ = _endSession().Wait(EndBound);
            }
            catch (AggregateException)
            {
                // Gone already, or ending: nothing is left to stop.
            }
        }

        int code = ExitCodes.Signaled(_signals.Signal);
        _terminal.Restore(RestoreBound);
        Thread exit = new(() => Environment.Exit(code)) { IsBackground = true, Name = "tuiproc exit" };
        exit.Start();
        if (!exit.Join(ExitBound))
        {
            ImmediateExit.Now(code); // a ProcessExit handler is stuck (on a lock the UI thread holds): end without them
        }
    }
}
