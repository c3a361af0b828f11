using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Processes;

/// <summary>Pipe creation for children.</summary>
internal static unsafe class Pipes
{
    /// <summary>
    /// A pipe with both ends close-on-exec (so no other child inherits them: a stray write end would keep
    /// a pipe from ever reaching end of file).
    /// </summary>
    /// <exception cref="LaunchException">Out of file descriptors, or into those kept for ourselves (<see cref="DescriptorHeadroom"/>).</exception>
    public static (int Read, int Write) Create()
    {
        int* fds = stackalloc int[2];
        if (Libc.Pipe2(fds, Libc.O_CLOEXEC) != 0)
        {
            int errno = Libc.LastErrno;
            throw new LaunchException("cannot create a pipe: " + Libc.Describe(errno) +
                (errno == Errno.EMFILE ? " (the open-file limit is reached; see ulimit -n)" : ""));
        }

        try
        {
            DescriptorHeadroom.Check(Math.Max(fds[0], fds[1]));
        }
        catch (LaunchException)
        {
            Close(fds[0], fds[1]);
            throw;
        }

        return (fds[0], fds[1]);
    }

    /// <summary>Makes our end non-blocking; the child's end stays blocking, as programs expect.</summary>
    public static void SetNonBlocking(int fd)
    {
        int flags = Libc.Fcntl(fd, Libc.F_GETFL, 0);
        _ = Libc.Fcntl(fd, Libc.F_SETFL, flags | Libc.O_NONBLOCK);
    }


    public static void Close(params int[] fds)
    {
        foreach (int fd in fds)
        {
            if (fd >= 0)
            {
                _ = Libc.Close(fd);
            }
        }
    }
}
