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

    /// <summary>
    /// True once the process has been reaped. From then on its PID may belong to another process, so a
    /// reading of that PID taken earlier must not be trusted: the end itself is reported (through
    /// <see cref="IProcessEvents.OnExited"/>) only after the output pipes are drained, possibly later.
    /// </summary>
    bool HasExited { get; }

    /// <summary>
    /// What should be said about how the process was started, once (the fork server stopped answering and
    /// posix_spawn was used); null or empty normally.
    /// </summary>
    string? StartNote { get; }

    /// <summary>Sends <paramref name="signal"/> to the process alone.</summary>
    /// <returns>False when it has already ended (nothing was sent).</returns>
    bool Signal(ProcessSignal signal);

    /// <summary>Sends <paramref name="signal"/> to the process and everything in its process group.</summary>
    /// <returns>False when it has already ended (nothing was sent).</returns>
    bool SignalGroup(ProcessSignal signal);

    /// <summary>
    /// Writes to the process's stdin pipe (<see cref="LaunchRequest.WithInput"/>) without blocking.
    /// </summary>
    /// <returns>
    /// How many bytes the pipe took (0 when it is full: write the rest later), or -1 when there is no input
    /// pipe any more (not asked for, closed, or the process closed its end).
    /// </returns>
    int WriteInput(ReadOnlyMemory<byte> data);

    /// <summary>Closes the stdin pipe: the process reads end of file. Does nothing when there is none.</summary>
    void CloseInput();

    /// <summary>
    /// Stops (true) or resumes (false) reading the process's output pipes (stdout, stderr, results), so
    /// that a process writing more than a consumer takes blocks in <c>write()</c> once a pipe is full,
    /// as it would in a shell pipeline. Never blocks: the reader applies it at its next turn and reports
    /// it through <see cref="IProcessEvents.OnOutputHeld"/>. Does nothing once the pipes are closed.
    /// </summary>
    void HoldOutput(bool held);
}
