using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Interop;

internal static partial class Libc
{
    [LibraryImport(Name, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    [LibraryImport(Name, EntryPoint = "read", SetLastError = true)]
    internal static unsafe partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport(Name, EntryPoint = "pread", SetLastError = true)]
    internal static unsafe partial nint Pread(int fd, byte* buffer, nint count, long offset);

    [LibraryImport(Name, EntryPoint = "write", SetLastError = true)]
    internal static unsafe partial nint Write(int fd, byte* buffer, nint count);

    /// <summary>write(2) on a handle kept alive (not closed under us) for the length of the call.</summary>
    [LibraryImport(Name, EntryPoint = "write", SetLastError = true)]
    internal static unsafe partial nint Write(SafeHandle fd, byte* buffer, nint count);
}
