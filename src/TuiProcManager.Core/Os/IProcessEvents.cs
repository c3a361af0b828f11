using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Os;

/// <summary>What a started process reports, called by the launcher on its I/O thread.</summary>
/// <remarks>
/// Contract: calls for one process never overlap; <see cref="OnExited"/> is called once, after the last
/// <see cref="OnOutput"/>; <see cref="OnLeftBehind"/> may come before or after it. Implementations must
/// not block: every process shares the I/O thread.
/// </remarks>
public interface IProcessEvents
{
    /// <summary>Complete lines read from stdout, stderr or the results pipe, without their line ends. The list is reused after the call returns.</summary>
    void OnOutput(OutputChannel channel, IReadOnlyList<string> lines);

    /// <summary>The process ended and was reaped; whatever was left in its process group was killed.</summary>
    void OnExited(WorkerExit exit);

    /// <summary>
    /// A process that descends from this one and escaped its process group was found after it ended, and
    /// was ended (or could not be).
    /// </summary>
    void OnLeftBehind(LeftBehindProcess process);

    /// <summary>
    /// The reader stopped (true) or resumed (false) reading the process's output pipes, as asked with
    /// <see cref="IProcessHandle.HoldOutput"/>. Comes before <see cref="OnExited"/>, which a hold delays:
    /// the end is reported after the last line, and a held pipe is not read to its end.
    /// </summary>
    void OnOutputHeld(bool held);
}
