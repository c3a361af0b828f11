using TuiProcManager.Core.Supervision;

namespace TuiProcManager.Composition;

/// <summary>
/// Kills every worker's process group if the app ends without its normal shutdown: an unhandled
/// exception, or Environment.Exit. (SIGKILL of the app is the orphan guard's job.) After a normal
/// shutdown the supervisor is already disposed and this does nothing. Unhooks itself when disposed.
/// </summary>
internal sealed class LastResortShutdown : IDisposable
{
    private readonly Supervisor _supervisor;

    public LastResortShutdown(Supervisor supervisor)
    {
        _supervisor = supervisor;
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        AppDomain.CurrentDomain.UnhandledException += OnExit;
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        AppDomain.CurrentDomain.UnhandledException -= OnExit;
    }

    private void OnExit(object? sender, EventArgs e) => _supervisor.Dispose();
}
