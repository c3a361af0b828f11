using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Processes;

/// <summary>What to tell the user when pidfd_open fails: the one place that maps its errno to a message.</summary>
internal static class PidfdFailure
{
    /// <summary>One line: <c>pidfd_open failed: too many open files (see ulimit -n)</c>.</summary>
    public static string Describe(int errno) => "pidfd_open failed: " + errno switch
    {
        // Our own fd table (EMFILE) or the system's (ENFILE) is full: a limit, not an old kernel.
        Errno.EMFILE => "too many open files in this process (see ulimit -n)",
        Errno.ENFILE => "too many open files in the system (see /proc/sys/fs/file-max)",
        // The syscall does not exist: the kernel predates pidfds.
        Errno.ENOSYS => "not supported by this kernel (Linux 5.4 or later is required)",
        _ => Libc.Describe(errno),
    };
}
