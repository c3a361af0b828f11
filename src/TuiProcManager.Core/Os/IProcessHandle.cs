namespace TuiProcManager.Core.Os;

/// <summary>A started process: its PID and the signals the supervisor may send it.</summary>
/// <remarks>
/// Signals never reach the wrong process: once the process has been reaped every method returns false
/// and does nothing, so a PID the kernel gave to someone else is never signalled.
/// </remarks>
public interface IProcessHandle : IDisposable
{
    /// <summary>The process ID, which is also its process group ID.</summary>
    int Pid { get; }

    /// <summary>Sends <paramref name="signal"/> to the process alone.</summary>
    /// <returns>False when it has already ended (nothing was sent).</returns>
    bool Signal(ProcessSignal signal);

    /// <summary>Sends <paramref name="signal"/> to the process and everything in its process group.</summary>
    /// <returns>False when it has already ended (nothing was sent).</returns>
    bool SignalGroup(ProcessSignal signal);
}
