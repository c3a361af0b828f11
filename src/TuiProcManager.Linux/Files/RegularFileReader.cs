using TuiProcManager.Core.Os;
using TuiProcManager.Core.Text;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Files;

/// <summary>Reads a file tuiproc is given to read, whole, when it is a regular file within a limit (<see cref="IRegularFileReader"/>).</summary>
/// <remarks>
/// <list type="bullet">
/// <item>The path is looked at first (statx, symlinks followed) and only a regular file is opened: opening a
/// FIFO's read end even for an instant would let a writer blocked in its open(2) go on, into EPIPE; opening
/// a device can have effects of its own (a tape rewinds).</item>
/// <item>It is opened O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_NOCTTY: should the path be replaced by a FIFO between
/// the look and the open, the open returns at once instead of waiting for a writer for ever. O_NONBLOCK
/// changes nothing for a regular file's reads.</item>
/// <item>What was opened is checked again (fstat): it must be a regular file too, or nothing is read.</item>
/// <item>At most limit + 1 bytes are read, whatever the file claims its size is (a file that grows while it
/// is read, or one of /proc's that says 0): one byte over the limit is enough to refuse it.</item>
/// </list>
/// </remarks>
public sealed class RegularFileReader : IRegularFileReader
{
    private const int FirstBuffer = 16 * 1024;

    /// <summary>The reader tuiproc uses (it holds no state).</summary>
    public static RegularFileReader Instance { get; } = new();

    /// <inheritdoc />
    public byte[]? Read(string path, int maxBytes, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            problem = path.Length == 0 ? "an empty path" : "a path with a NUL character, which no file name can hold";
            return null;
        }

        if (!FileStatus.TryGet(path, follow: true, out FileStatus target, out int errno))
        {
            problem = errno == Errno.ENOENT ? Dangling(path) : NotReadable(errno);
            return null;
        }

        if (target.Type != Libc.S_IFREG)
        {
            problem = NotRegular(target.Type);
            return null;
        }

        int fd;
        while ((fd = Libc.Open(path, Libc.O_RDONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC | Libc.O_NOCTTY)) < 0 && Libc.LastErrno == Errno.EINTR)
        {
        }

        if (fd < 0)
        {
            errno = Libc.LastErrno;
            problem = errno == Errno.ENOENT ? null : NotReadable(errno); // removed since the look: as if never there
            return null;
        }

        try
        {
            if (!FileStatus.TryGet(fd, out FileStatus opened) || opened.Type != Libc.S_IFREG)
            {
                problem = NotRegular(opened.Type); // replaced since the look
                return null;
            }

            return ReadUpTo(fd, maxBytes, out problem);
        }
        finally
        {
            Libc.Close(fd);
        }
    }

    private static unsafe byte[]? ReadUpTo(int fd, int maxBytes, out string? problem)
    {
        int wanted = maxBytes == int.MaxValue ? maxBytes : maxBytes + 1;
        byte[] buffer = new byte[Math.Min(wanted, FirstBuffer)];
        int length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length == wanted)
                {
                    break;
                }

                Array.Resize(ref buffer, (int)Math.Min(wanted, 2L * buffer.Length));
            }

            nint n;
            fixed (byte* start = buffer)
            {
                n = Libc.Read(fd, start + length, buffer.Length - length);
            }

            if (n == 0)
            {
                break;
            }

            if (n < 0)
            {
                int errno = Libc.LastErrno;
                if (errno == Errno.EINTR)
                {
                    continue;
                }

                problem = NotReadable(errno); // EIO, EISDIR on some file systems
                return null;
            }

            length += (int)n;
        }

        if (length > maxBytes)
        {
            problem = "larger than " + ByteSize.Format(maxBytes);
            return null;
        }

        problem = null;
        return length == buffer.Length ? buffer : buffer[..length];
    }

    private static string NotRegular(int type) => type switch
    {
        Libc.S_IFDIR => "a directory, not a regular file",
        Libc.S_IFIFO => "a FIFO, not a regular file",
        Libc.S_IFCHR => "a character device, not a regular file",
        Libc.S_IFBLK => "a block device, not a regular file",
        Libc.S_IFSOCK => "a socket, not a regular file",
        _ => "not a regular file",
    };

    /// <summary>Null when nothing is at <paramref name="path"/>; the words for a symlink that points at nothing.</summary>
    private static string? Dangling(string path)
    {
        if (!FileStatus.TryGet(path, follow: false, out FileStatus link, out _) || link.Type != Libc.S_IFLNK)
        {
            return null;
        }

        string? to = null;
        try
        {
            to = new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
        }

        return $"a symbolic link to '{InputText.Shorten(to ?? "?", 200)}', which does not exist";
    }

    /// <summary>"not readable: permission denied": strerror, lower-cased, after our words.</summary>
    private static string NotReadable(int errno)
    {
        string text = errno switch
        {
            Errno.EACCES => "permission denied",
            Errno.ENOTDIR => "a part of its path is not a directory",
            _ => Libc.Describe(errno),
        };
        return "not readable: " + (text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text);
    }
}
