using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Interop;

internal static partial class Libc
{
    // The same values on x86-64 and arm64 (asm-generic); O_NOFOLLOW and O_DIRECTORY are not, and are not used.
    internal const int O_WRONLY = 0x1;
    internal const int O_CREAT = 0x40;
    internal const int O_EXCL = 0x80;
    internal const int O_NOCTTY = 0x100;

    /// <summary>open(2) without .NET's advisory flock (File.OpenHandle takes one on every open).</summary>
    [LibraryImport(Name, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    /// <summary>open(2) with the mode a file created by <see cref="O_CREAT"/> gets (less the umask).</summary>
    [LibraryImport(Name, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags, int mode);
}
