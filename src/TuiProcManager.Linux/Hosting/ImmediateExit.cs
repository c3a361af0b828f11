using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Hosting;

/// <summary>Ends the process at once with _exit(2): for a shutdown that cannot wait for a stuck thread.</summary>
public static class ImmediateExit
{
    /// <summary>
    /// Ends the process with <paramref name="status"/>: no ProcessExit handlers, no flushing of .NET
    /// streams (write what must be seen with write(2) first). Open descriptors close, so the workers'
    /// orphan guard sees the app gone.
    /// </summary>
    public static void Now(int status) => Libc.Exit(status);
}
