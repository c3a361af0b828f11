using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Win32.SafeHandles;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Text;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Files;

/// <summary>Opens the files a user names for tuiproc to write (<see cref="IOutputFileOpener"/>).</summary>
/// <remarks>
/// The rules, in the order they are applied (tuiproc often runs as root, where a chmod or a truncation
/// reaches anything):
/// <list type="bullet">
/// <item>The path is looked at before it is opened (symlinks followed, as a shell's <c>&gt;</c> does): a
/// directory, a block device or a socket is refused without being opened; so is a dangling symlink (its
/// target is not created: a link planted where a file is expected must not choose what root creates).</item>
/// <item>Our own stdout or stderr (the same device and inode as fd 1 or 2: <c>/dev/stdout</c>,
/// <c>/proc/self/fd/2</c>, or the file the shell redirected to by its name) is never opened again: that
/// would be a new file description at offset 0 and overwrite what the shell put there. That descriptor
/// is duplicated instead. A character device counts as ours only when the path names fd 1 or 2:
/// <c>/dev/null</c> is the same inode as a stdout sent to /dev/null, yet <c>--events /dev/null</c> is not
/// a request to share our stdout, and opening a device again overwrites nothing.</item>
/// <item>A missing file is created with O_CREAT|O_EXCL, mode 0600. Nothing else has its mode changed: an
/// existing regular file keeps its mode (a note says so when other users can read it) and is truncated
/// only when the caller says (<see cref="OutputFile.Truncate"/>); devices and FIFOs are written as streams.</item>
/// <item>Everything is opened O_NONBLOCK, so that a FIFO without a reader fails at once (ENXIO) instead of
/// blocking in open; that is retried for <see cref="ReaderWait"/>, then refused. Once open, O_NONBLOCK is
/// cleared on the description we opened, so that writes block: backpressure from a slow reader. A
/// duplicated stdout keeps its flags (the description is shared with the shell).</item>
/// <item>What was opened is checked again (fstat) against what was looked at: a path replaced in between
/// is looked at again, at most <see cref="Attempts"/> times.</item>
/// </list>
/// </remarks>
public sealed class OutputFileOpener : IOutputFileOpener
{
    private const int Attempts = 3;
    private const int OwnerOnly = 0x180; // 0600
    private const int ReadableByOthers = 0x24; // 0044: group or others may read
    private static readonly TimeSpan ReaderPoll = TimeSpan.FromMilliseconds(50);

    private readonly int _stdout;
    private readonly int _stderr;

    /// <summary>An opener whose FIFOs may go <paramref name="readerWait"/> without a reader before they are refused.</summary>
    public OutputFileOpener(TimeSpan readerWait)
        : this(readerWait, stdout: 1, stderr: 2)
    {
    }

    /// <summary>An opener that takes <paramref name="stdout"/> and <paramref name="stderr"/> for our standard streams (tests: fd 1 cannot be swapped under a test host).</summary>
    internal OutputFileOpener(TimeSpan readerWait, int stdout, int stderr)
    {
        ReaderWait = readerWait;
        _stdout = stdout;
        _stderr = stderr;
    }

    /// <summary>The clock a FIFO's wait for its reader is measured on (monotonic: its timestamps, not the wall clock).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The opener tuiproc uses: a FIFO may go 3 s without a reader.</summary>
    public static OutputFileOpener Instance { get; } = new(TimeSpan.FromSeconds(3));

    /// <summary>How long a FIFO may go without a reader before it is refused.</summary>
    public TimeSpan ReaderWait { get; }

    /// <inheritdoc />
    public bool TryOpen(string path, int bufferSize, [NotNullWhen(true)] out OutputFile? file, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(bufferSize);
        file = null;
        problem = path.Length == 0 ? "the path is empty"
            : path.Contains('\0', StringComparison.Ordinal) ? "the path contains a NUL character, which no file name can hold"
            : null;
        for (int attempt = 1; problem is null && file is null; attempt++)
        {
            if (!TryOpenOnce(path, bufferSize, out file, out problem) && problem is null && attempt == Attempts)
            {
                problem = "it kept changing while it was being opened";
            }
        }

        return file is not null;
    }

    /// <summary>One look at the path and one open; false with no <paramref name="problem"/> when the path changed in between.</summary>
    private bool TryOpenOnce(string path, int bufferSize, out OutputFile? file, out string? problem)
    {
        file = null;
        problem = null;
        if (!FileStatus.TryGet(path, follow: true, out FileStatus target, out int errno))
        {
            if (errno != Errno.ENOENT)
            {
                problem = errno == Errno.ENOTDIR ? "a part of its path is not a directory" : Describe(errno);
                return false;
            }

            if (FileStatus.TryGet(path, follow: false, out FileStatus link, out _) && link.Type == Libc.S_IFLNK)
            {
                problem = $"it is a symbolic link to '{InputText.Shorten(LinkTarget(path) ?? "?", InputText.MaxPathLength)}', which does not exist (create the file first, or name it directly)";
                return false;
            }

            return TryCreate(path, bufferSize, out file, out problem);
        }

        if (OurStream(path, target) is { } ours)
        {
            return TryDuplicate(path, ours, target, bufferSize, out file, out problem);
        }

        switch (target.Type)
        {
            case Libc.S_IFREG or Libc.S_IFCHR or Libc.S_IFIFO:
                return TryOpenExisting(path, target, bufferSize, out file, out problem);
            case Libc.S_IFDIR:
                problem = "it is a directory";
                return false;
            case Libc.S_IFBLK:
                problem = "it is a block device (a disk), which tuiproc does not write";
                return false;
            case Libc.S_IFSOCK:
                problem = "it is a socket, which cannot be opened as a file";
                return false;
            default:
                problem = "it is not a file, a character device or a FIFO";
                return false;
        }
    }

    private static bool TryCreate(string path, int bufferSize, out OutputFile? file, out string? problem)
    {
        file = null;
        problem = null;
        int fd = Libc.Open(path, Libc.O_WRONLY | Libc.O_CREAT | Libc.O_EXCL | Libc.O_CLOEXEC | Libc.O_NOCTTY, OwnerOnly);
        if (fd < 0)
        {
            int errno = Libc.LastErrno;
            problem = errno switch
            {
                Errno.EEXIST => null, // created by someone else meanwhile: look again
                Errno.ENOENT => "no such directory",
                Errno.ENOTDIR => "a part of its path is not a directory",
                _ => Describe(errno),
            };
            return false;
        }

        SafeFileHandle handle = new(fd, ownsHandle: true);
        FileStatus.TryGet(handle, out FileStatus created);
        file = new OutputFile(path, new FileStream(handle, FileAccess.Write, bufferSize), OutputFileKind.NewFile, created.Identity, note: null, handle);
        return true;
    }

    private bool TryOpenExisting(string path, FileStatus target, int bufferSize, out OutputFile? file, out string? problem)
    {
        file = null;
        problem = null;
        int fd;
        long started = Time.GetTimestamp();
        while ((fd = Libc.Open(path, Libc.O_WRONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC | Libc.O_NOCTTY)) < 0)
        {
            int errno = Libc.LastErrno;
            if (errno == Errno.EINTR)
            {
                continue;
            }

            if (errno != Errno.ENXIO || target.Type != Libc.S_IFIFO)
            {
                problem = errno == Errno.ENOENT ? null : Describe(errno); // gone meanwhile: look again
                return false;
            }

            TimeSpan left = ReaderWait - Time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"it is a FIFO that no process is reading (waited {ReaderWait.TotalSeconds:0.#} s); start its reader first");
                return false;
            }

            Thread.Sleep(left < ReaderPoll ? left : ReaderPoll);
        }

        SafeFileHandle handle = new(fd, ownsHandle: true);
        if (!FileStatus.TryGet(handle, out FileStatus opened) || opened.Identity != target.Identity || opened.Type != target.Type)
        {
            handle.Dispose(); // replaced between the look and the open: look again
            return false;
        }

        int flags = Libc.Fcntl(fd, Libc.F_GETFL, 0);
        if (flags < 0 || Libc.Fcntl(fd, Libc.F_SETFL, flags & ~Libc.O_NONBLOCK) < 0)
        {
            problem = Describe(Libc.LastErrno);
            handle.Dispose();
            return false;
        }

        if (opened.Type == Libc.S_IFREG)
        {
            int mode = opened.Permissions;
            string? note = (mode & ReadableByOthers) == 0 ? null
                : $"note: {InputText.Shorten(path, InputText.MaxPathLength)} is readable by other users (mode {Convert.ToString(mode, 8).PadLeft(4, '0')}); its mode was left as it was";
            file = new OutputFile(path, new FileStream(handle, FileAccess.Write, bufferSize), OutputFileKind.ExistingFile, opened.Identity, note, handle);
        }
        else
        {
            OutputFileKind kind = opened.Type == Libc.S_IFIFO ? OutputFileKind.Fifo : OutputFileKind.CharacterDevice;
            file = new OutputFile(path, AsStream(handle, bufferSize), kind, opened.Identity, note: null, handle);
        }

        return true;
    }

    /// <summary>Our stdout's or stderr's descriptor when <paramref name="target"/> is that stream (see the remarks), else null.</summary>
    private int? OurStream(string path, FileStatus target)
    {
        bool Is(int fd) =>
            FileStatus.TryGet(fd, out FileStatus ours) && ours.Identity == target.Identity && (target.Type != Libc.S_IFCHR || NamesDescriptor(path, fd));

        bool stdout = Is(_stdout), stderr = Is(_stderr);
        return stderr && (!stdout || NamesDescriptor(path, _stderr)) ? _stderr // 2>&1: the name says which
            : stdout ? _stdout
            : null;
    }

    /// <summary>True when <paramref name="path"/> spells descriptor <paramref name="fd"/> of this process.</summary>
    private static bool NamesDescriptor(string path, int fd)
    {
        string full = Path.GetFullPath(path);
        return (full == "/dev/stdout" && fd == 1)
            || (full == "/dev/stderr" && fd == 2)
            || full == $"/dev/fd/{fd}"
            || full == $"/proc/self/fd/{fd}"
            || full == $"/proc/thread-self/fd/{fd}"
            || full == $"/proc/{Environment.ProcessId}/fd/{fd}";
    }

    private bool TryDuplicate(string path, int ours, FileStatus target, int bufferSize, out OutputFile? file, out string? problem)
    {
        file = null;
        int fd = Libc.Fcntl(ours, Libc.F_DUPFD_CLOEXEC, 0);
        if (fd < 0)
        {
            problem = Describe(Libc.LastErrno); // EMFILE: fd 1 or 2 was just looked at
            return false;
        }

        problem = null;
        SafeFileHandle copy = new(fd, ownsHandle: true);
        file = new OutputFile(path, AsStream(copy, bufferSize), ours == _stdout ? OutputFileKind.Stdout : OutputFileKind.Stderr, target.Identity, note: null, copy);
        return true;
    }

    private static Stream AsStream(SafeFileHandle handle, int bufferSize)
    {
        DescriptorStream stream = new(handle);
        return bufferSize > 1 ? new BufferedStream(stream, bufferSize) : stream;
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>strerror, as the end of a sentence: "permission denied".</summary>
    private static string Describe(int errno)
    {
        string text = Libc.Describe(errno);
        return text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }
}
