using Microsoft.Win32.SafeHandles;
using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Files;

/// <summary>What statx says of a path or a descriptor: its type, mode and identity (device and inode).</summary>
internal readonly struct FileStatus
{
    private readonly Libc.StatxBuffer _buffer;

    private FileStatus(Libc.StatxBuffer buffer) => _buffer = buffer;

    /// <summary>The file type bits (<see cref="Libc.S_IFMT"/>): <see cref="Libc.S_IFREG"/>, <see cref="Libc.S_IFIFO"/>…</summary>
    public int Type => _buffer.Mode & Libc.S_IFMT;

    /// <summary>The permission bits, setuid, setgid and sticky included (07777).</summary>
    public int Permissions => _buffer.Mode & 0xFFF;

    /// <summary>Its owner's user ID.</summary>
    public uint Owner => _buffer.Uid;

    /// <summary>Which file it is.</summary>
    public FileIdentity Identity => new(((ulong)_buffer.DeviceMajor << 32) | _buffer.DeviceMinor, _buffer.Inode);

    /// <summary>statx of <paramref name="path"/>, following a final symlink when <paramref name="follow"/>; errno when it fails.</summary>
    public static unsafe bool TryGet(string path, bool follow, out FileStatus status, out int errno)
    {
        Libc.StatxBuffer buffer = default;
        int rc = Libc.Statx(Libc.AT_FDCWD, path, follow ? 0 : Libc.AT_SYMLINK_NOFOLLOW, Libc.STATX_TYPE_MODE_INO_UID, &buffer);
        errno = rc < 0 ? Libc.LastErrno : 0;
        status = new FileStatus(buffer);
        return rc == 0;
    }

    /// <summary>fstat of descriptor <paramref name="fd"/> (false when it is not open).</summary>
    public static unsafe bool TryGet(int fd, out FileStatus status)
    {
        Libc.StatxBuffer buffer = default;
        int rc = Libc.Statx(fd, "", Libc.AT_EMPTY_PATH, Libc.STATX_TYPE_MODE_INO_UID, &buffer);
        status = new FileStatus(buffer);
        return rc == 0;
    }

    /// <summary>fstat of <paramref name="handle"/>, which is kept open for the call.</summary>
    public static bool TryGet(SafeFileHandle handle, out FileStatus status)
    {
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return TryGet((int)handle.DangerousGetHandle(), out status);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }
}
