using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Interop;

internal static partial class Libc
{
    internal const int O_RDONLY = 0;
    internal const int O_NONBLOCK = 0x800;
    internal const int O_CLOEXEC = 0x80000;
    internal const int F_GETFL = 3;
    internal const int F_SETFL = 4;
    internal const int F_DUPFD_CLOEXEC = 1030;

    [LibraryImport(Name, EntryPoint = "pipe2", SetLastError = true)]
    internal static unsafe partial int Pipe2(int* fds, int flags);

    [LibraryImport(Name, EntryPoint = "fcntl", SetLastError = true)]
    internal static partial int Fcntl(int fd, int command, int argument);
}
