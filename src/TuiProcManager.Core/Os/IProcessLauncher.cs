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
    /// <paramref name="events"/> may be called on another thread before this method returns; callers that
    /// need their own bookkeeping to come first hold their lock across the call.
    /// </remarks>
    /// <exception cref="LaunchException">The OS refused (program not found, not executable, process or file limits).</exception>
    IProcessHandle Start(LaunchRequest request, IProcessEvents events);
}
