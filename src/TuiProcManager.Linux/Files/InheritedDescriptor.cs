using System.Diagnostics.CodeAnalysis;
using Microsoft.Win32.SafeHandles;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Files;

/// <summary>
/// A descriptor this process was started with beyond 0, 1 and 2 (a session server's events file, opened
/// and checked by the tuiproc that started it, <see cref="Hosting.DetachedProcess"/>'s fd 4), taken over.
/// </summary>
public static class InheritedDescriptor
{
    /// <summary>
    /// Takes over <paramref name="fd"/>: checks that it is open and marks it close-on-exec, so that no child
    /// of ours inherits it (a worker holding an events FIFO open would keep its reader from ever seeing the end).
    /// </summary>
    /// <param name="fd">The descriptor's number.</param>
    /// <param name="handle">It, owned (closed with the handle).</param>
    /// <param name="problem">Why it cannot be taken: one line.</param>
    public static bool TryAdopt(int fd, [NotNullWhen(true)] out SafeFileHandle? handle, [NotNullWhen(false)] out string? problem)
    {
        handle = null;
        if (fd < 3 || Libc.Fcntl(fd, Libc.F_GETFD, 0) < 0)
        {
            problem = $"fd {fd} was not passed open";
            return false;
        }

        if (Libc.Fcntl(fd, Libc.F_SETFD, Libc.FD_CLOEXEC) < 0)
        {
            problem = $"fd {fd}: {Libc.Describe(Libc.LastErrno)}";
            return false;
        }

        handle = new SafeFileHandle(fd, ownsHandle: true);
        problem = null;
        return true;
    }
}
