using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Interop;

/// <summary>Native entry points for file descriptors, files and the terminal (see Interop.cs).</summary>
internal static partial class Libc
{
    // --- Open ---

    // The same values on x86-64 and arm64 (asm-generic); O_NOFOLLOW and O_DIRECTORY are not, and are not used.
    internal const int O_WRONLY = 0x1;
    internal const int O_CREAT = 0x40;
    internal const int O_APPEND = 0x400;
    internal const int O_EXCL = 0x80;
    internal const int O_NOCTTY = 0x100;

    /// <summary>open(2) without .NET's advisory flock (File.OpenHandle takes one on every open).</summary>
    [LibraryImport(Name, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    /// <summary>open(2) with the mode a file created by <see cref="O_CREAT"/> gets (less the umask).</summary>
    [LibraryImport(Name, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags, int mode);

    // --- Memory ---

    /// <summary>madvise(2) advice: drop the range's pages from this process (a private file mapping's come back from the file).</summary>
    internal const int MADV_DONTNEED = 4;

    [LibraryImport(Name, EntryPoint = "madvise", SetLastError = true)]
    internal static partial int Madvise(nint address, nuint length, int advice);

    // --- Close ---

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

    // --- Pipe ---

    internal const int O_RDONLY = 0;
    internal const int O_NONBLOCK = 0x800;
    internal const int O_CLOEXEC = 0x80000;
    internal const int F_GETFD = 1;
    internal const int F_SETFD = 2;
    internal const int FD_CLOEXEC = 1;
    internal const int F_GETFL = 3;
    internal const int F_SETFL = 4;
    internal const int F_DUPFD_CLOEXEC = 1030;

    [LibraryImport(Name, EntryPoint = "pipe2", SetLastError = true)]
    internal static unsafe partial int Pipe2(int* fds, int flags);

    [LibraryImport(Name, EntryPoint = "fcntl", SetLastError = true)]
    internal static partial int Fcntl(int fd, int command, int argument);

    // --- Poll ---

    internal const short POLLIN = 0x001;
    internal const short POLLOUT = 0x004;
    internal const short POLLERR = 0x008;
    internal const short POLLHUP = 0x010;
    internal const short POLLNVAL = 0x020;

    /// <summary>struct pollfd: int fd; short events; short revents.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport(Name, EntryPoint = "poll", SetLastError = true)]
    internal static unsafe partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    // --- Extended attributes (POSIX access control lists) ---

    /// <summary>The attribute a POSIX access control list is kept in (see AccessList for its layout).</summary>
    internal const string PosixAclAccess = "system.posix_acl_access";

    /// <summary>setxattr(2) of a path, following a final symlink (callers pass paths they made themselves).</summary>
    [LibraryImport(Name, EntryPoint = "setxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int SetXattr(string path, string name, byte* value, nuint size, int flags);

    /// <summary>getxattr(2): the attribute's size, or -1 (ENODATA: none).</summary>
    [LibraryImport(Name, EntryPoint = "getxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial nint GetXattr(string path, string name, byte* value, nuint size);

    [LibraryImport(Name, EntryPoint = "removexattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int RemoveXattr(string path, string name);

    // --- Statx ---

    internal const int AT_FDCWD = -100;
    internal const int AT_SYMLINK_NOFOLLOW = 0x100;
    internal const int AT_EMPTY_PATH = 0x1000;

    /// <summary>STATX_TYPE | STATX_MODE | STATX_INO: all that is asked for (the device is always filled in).</summary>
    internal const uint STATX_TYPE_MODE_INO = 0x1 | 0x2 | 0x100;

    /// <summary>statx mask: the type, mode and inode, and the owner (STATX_UID).</summary>
    internal const uint STATX_TYPE_MODE_INO_UID = STATX_TYPE_MODE_INO | 0x8;

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
        [FieldOffset(20)]
        public uint Uid;

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

    // --- Termios ---

    /// <summary>tcsetattr: the change takes effect at once.</summary>
    internal const int TCSANOW = 0;

    /// <summary>Bigger than glibc's struct termios (60 bytes on x86-64 and arm64): callers keep it opaque, only give it back.</summary>
    internal const int TermiosBufferSize = 128;

    [LibraryImport(Name, EntryPoint = "tcgetattr", SetLastError = true)]
    internal static unsafe partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport(Name, EntryPoint = "tcsetattr", SetLastError = true)]
    internal static unsafe partial int TcSetAttr(int fd, int optionalActions, byte* termios);

    // --- Sysconf ---

    internal const int _SC_CLK_TCK = 2;

    [LibraryImport(Name, EntryPoint = "sysconf", SetLastError = true)]
    internal static partial long Sysconf(int name);

    // --- Rlimit ---

    /// <summary>getrlimit resource: the number of file descriptors this process may have open (ulimit -n).</summary>
    internal const int RLIMIT_NOFILE = 7;

    /// <summary>struct rlimit: soft (current) and hard (ceiling) limits, rlim_t being 64 bits on 64-bit Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [LibraryImport(Name, EntryPoint = "getrlimit", SetLastError = true)]
    internal static partial int GetRLimit(int resource, out RLimit limit);
}
