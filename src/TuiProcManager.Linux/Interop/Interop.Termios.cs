using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Interop;

internal static partial class Libc
{
    /// <summary>tcsetattr: the change takes effect at once.</summary>
    internal const int TCSANOW = 0;

    /// <summary>Bigger than glibc's struct termios (60 bytes on x86-64 and arm64): callers keep it opaque, only give it back.</summary>
    internal const int TermiosBufferSize = 128;

    [LibraryImport(Name, EntryPoint = "tcgetattr", SetLastError = true)]
    internal static unsafe partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport(Name, EntryPoint = "tcsetattr", SetLastError = true)]
    internal static unsafe partial int TcSetAttr(int fd, int optionalActions, byte* termios);
}
