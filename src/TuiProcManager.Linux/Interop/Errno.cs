namespace TuiProcManager.Linux.Interop;

/// <summary>The errno values this project decides on (Linux numbering).</summary>
internal static class Errno
{
    internal const int EPERM = 1;
    internal const int ENOENT = 2;
    internal const int ESRCH = 3;
    internal const int EINTR = 4;
    internal const int ENXIO = 6;
    internal const int EAGAIN = 11;
    internal const int ECHILD = 10;
    internal const int EACCES = 13;
    internal const int EEXIST = 17;
    internal const int ENOTDIR = 20;
    internal const int ENFILE = 23;
    internal const int EMFILE = 24;
    internal const int EPIPE = 32;
    internal const int ENOSYS = 38;
    internal const int ENODATA = 61;
    internal const int EOPNOTSUPP = 95;
}
