using Terminal.Gui.App;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Views.Dialogs;

namespace TuiProcManager.Tui.Views;

/// <summary>Quitting: q (asked first while workers are alive), Ctrl+C, and a signal's way out.</summary>
internal sealed partial class MainWindow
{
    private bool _stopping;

    /// <summary>Exit code the window ended with: 0 after q, 130 after Ctrl+C.</summary>
    public int ExitCode { get; private set; }

    /// <summary>
    /// Stops every worker (SIGTERM, grace period, SIGKILL) and then the UI. Asked first when workers are
    /// alive and <paramref name="ask"/>; a second request while stopping kills them at once.
    /// </summary>
    public void Stop(bool ask, int exitCode)
    {
        if (_stopping)
        {
            _ = _supervisor.KillAllAsync(); // a second request while stopping: no more grace
            return;
        }

        int alive = _dashboard.Processes.Workers.Count(w => w.IsAlive);
        if (ask && alive > 0 && App is not null)
        {
            ConfirmDialog confirm = new("Quit", $"{Plural.Of(alive, "worker")} still alive. Stop {(alive == 1 ? "it" : "them all")} and quit?", "Quit");
            Show(confirm);
            if (!confirm.Confirmed || _stopping)
            {
                return; // no; or a signal came while the question was open, and is stopping everything already
            }
        }

        _stopping = true;
        ExitCode = exitCode;
        _header.Say(alive > 0 ? $"stopping {Plural.Of(alive, "worker")}…" : "quitting");
        Task stopped = _supervisor.TerminateAllAsync();
        stopped.ContinueWith(_ => OnUi(() => App?.RequestStop(this)), TaskScheduler.Default);
    }

    /// <summary>
    /// Ctrl+C, in a dialog too: the terminal's interrupt. Taken the signals' way (<see cref="Interrupt"/>)
    /// when the host gives one, so that its watchdog covers it; otherwise stops at once (exit code 130).
    /// </summary>
    public Action? Interrupt { get; set; }

    /// <summary>
    /// A signal's way out (UI thread): every dialog open is closed, then every worker is stopped without a
    /// question and the UI ends with <paramref name="exitCode"/>. Once; later calls do nothing.
    /// </summary>
    public void StopNow(int exitCode)
    {
        if (_stoppingNow)
        {
            return;
        }

        _stoppingNow = true;
        CloseDialogs();
        if (!_stopping)
        {
            Stop(ask: false, exitCode);
        }
    }

    private bool _stoppingNow;

    /// <summary>Asks every dialog above this window to close; their Run loops return, innermost first.</summary>
    private void CloseDialogs()
    {
        if (App is not { SessionStack: { } sessions } app)
        {
            return;
        }

        foreach (SessionToken session in sessions)
        {
            if (session.Runnable is { } runnable && !ReferenceEquals(runnable, this))
            {
                app.RequestStop(runnable);
            }
        }
    }

    /// <summary>Ctrl+C: the signals' way out when the host has one, else a stop without a question (exit code 130).</summary>
    private void Interrupted()
    {
        if (Interrupt is { } raise)
        {
            raise();
        }
        else
        {
            StopNow(130);
        }
    }
}
