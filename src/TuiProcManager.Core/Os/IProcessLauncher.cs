namespace TuiProcManager.Core.Os;

/// <summary>Starts OS processes. The supervisor's only way to create one.</summary>
public interface IProcessLauncher
{
    /// <summary>
    /// Starts a process in a process group of its own, with stdin from /dev/null (or a pipe, see
    /// <see cref="LaunchRequest.WithInput"/>) and stdout and stderr (and fd 3, see
    /// <see cref="LaunchRequest.WithResults"/>) read line by line into <paramref name="events"/>.
    /// </summary>
    /// <remarks>
    /// <paramref name="events"/> may be called on another thread before this method returns: a caller whose
    /// own bookkeeping must come first keeps what arrives early until it is ready. It may block (for up to
    /// the fork server's reply timeout), so never call it under a lock other threads need.
    /// </remarks>
    /// <exception cref="LaunchException">The OS refused (program not found, not executable, process or file limits).</exception>
    IProcessHandle Start(LaunchRequest request, IProcessEvents events);

    /// <summary>
    /// The processes re-parented to this process that came from a running worker (see
    /// <see cref="AdoptedProcess"/>): each is a child of this process, so none is found below its worker.
    /// Reads the OS each time; called by the supervisor's resource samples (once a second) while a worker runs.
    /// </summary>
    /// <remarks>A launcher whose children are never re-parented to it has none: the default.</remarks>
    IReadOnlyList<AdoptedProcess> ReadAdopted() => [];
}
