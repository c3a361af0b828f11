using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Interop;

internal static partial class Libc
{
    internal const int AT_FDCWD = -100;
    internal const int AT_SYMLINK_NOFOLLOW = 0x100;
    internal const int AT_EMPTY_PATH = 0x1000;

    /// <summary>STATX_TYPE | STATX_MODE | STATX_INO: all that is asked for (the device is always filled in).</summary>
    internal const uint STATX_TYPE_MODE_INO = 0x1 | 0x2 | 0x100;

    internal const int S_IFMT = 0xF000;
    internal const int S_IFSOCK = 0xC000;
    internal const int S_IFLNK = 0xA000;
    internal const int S_IFREG = 0x8000;
    internal const int S_IFBLK = 0x6000;
    internal const int S_IFDIR = 0x4000;
    internal const int S_IFCHR = 0x2000;
    internal const int S_IFIFO = 0x1000;

    /// <summary>
    /// struct statx, the fields read here at their fixed offsets. statx rather than stat: struct stat is laid
    /// out differently on x86-64 and arm64, struct statx is the same on both (256 bytes).
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    internal struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(136)]
        public uint DeviceMajor;

        [FieldOffset(140)]
        public uint DeviceMinor;
    }

    /// <summary>statx(2): with <see cref="AT_EMPTY_PATH"/> and an empty path, fstat of <paramref name="dirfd"/>.</summary>
    [LibraryImport(Name, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, StatxBuffer* buffer);
}
