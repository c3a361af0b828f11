using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Win32.SafeHandles;
using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Files;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Tests.Files;

/// <summary>
/// <see cref="OutputFileOpener"/> on real files, devices, FIFOs and sockets, in a directory of its own.
/// Pinned: an existing file (and /dev/null, for root) was chmod-ed 0600; a FIFO without a reader blocked
/// in open for ever; a FIFO or a pipe could not be truncated and crashed the caller.
/// </summary>
public sealed class OutputFileOpenerTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode WorldReadable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private readonly string _dir = Directory.CreateTempSubdirectory("tuiproc-opener-").FullName;
    private readonly OutputFileOpener _opener = new(TimeSpan.FromMilliseconds(300));

    [Fact]
    public void TryOpen_AMissingFile_IsCreatedOwnerOnly_AndRemovedWhenDiscarded()
    {
        string path = Path.Combine(_dir, "new.jsonl");

        OutputFile file = Open(path);

        Assert.Equal(OutputFileKind.NewFile, file.Kind);
        Assert.Null(file.Note);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
        file.Discard();
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void TryOpen_AnExistingWorldReadableFile_KeepsItsModeAndContentUntilTruncated_WithANote()
    {
        string path = Path.Combine(_dir, "old.jsonl");
        File.WriteAllText(path, "old\n");
        File.SetUnixFileMode(path, WorldReadable);

        using (OutputFile file = Open(path))
        {
            Assert.Equal(OutputFileKind.ExistingFile, file.Kind);
            Assert.Equal($"note: {path} is readable by other users (mode 0644); its mode was left as it was", file.Note);
            Assert.Equal("old\n", File.ReadAllText(path)); // truncated only when the caller says
            file.Truncate();
            file.Stream.Write("new\n"u8);
        }

        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Equal(WorldReadable, File.GetUnixFileMode(path));
    }

    [Fact]
    public void TryOpen_AnExistingOwnerOnlyFile_DiscardedUnwritten_IsLeftAsItWas()
    {
        string path = Path.Combine(_dir, "kept.json");
        File.WriteAllText(path, "kept\n");
        File.SetUnixFileMode(path, OwnerOnly);

        OutputFile file = Open(path);
        Assert.Null(file.Note);
        file.Discard();

        Assert.Equal("kept\n", File.ReadAllText(path));
    }

    [Fact]
    public void TryOpen_DevNull_IsACharacterDevice_NotSeekable_ModeUnchanged()
    {
        UnixFileMode before = File.GetUnixFileMode("/dev/null");

        using (OutputFile file = Open("/dev/null"))
        {
            Assert.Equal(OutputFileKind.CharacterDevice, file.Kind);
            Assert.False(file.Stream.CanSeek);
            file.Truncate(); // nothing to do for a device
            file.Stream.Write("{}\n"u8);
            file.Stream.Flush();
        }

        Assert.Equal(before, File.GetUnixFileMode("/dev/null"));
    }

    [Fact]
    public void TryOpen_AFifoWithoutAReader_IsRefusedAfterTheWait_ModeUnchanged()
    {
        string fifo = Fifo();
        Stopwatch clock = Stopwatch.StartNew();

        Assert.False(_opener.TryOpen(fifo, 4096, out _, out string? problem));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(290), TimeSpan.FromSeconds(10));
        Assert.Equal("it is a FIFO that no process is reading (waited 0.3 s); start its reader first", problem);
        Assert.Equal(WorldReadable, File.GetUnixFileMode(fifo));
    }

    [Fact]
    public async Task TryOpen_AFifoWhoseReaderComesDuringTheWait_IsOpened_AndWritesBlock()
    {
        string fifo = Fifo();
        OutputFileOpener patient = new(TimeSpan.FromSeconds(10));
        Task<string> reader = Task.Run(async () =>
        {
            await Task.Delay(150);
            return await File.ReadAllTextAsync(fifo);
        });

        using (OutputFile file = Open(fifo, patient))
        {
            Assert.Equal(OutputFileKind.Fifo, file.Kind);
            Assert.Equal(0, WriterFlags(fifo) & 0x800); // O_NONBLOCK (04000) cleared: a full FIFO blocks the writer
            file.Stream.Write("{\"type\":\"x\"}\n"u8);
        }

        Assert.Equal("{\"type\":\"x\"}\n", await reader.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(WorldReadable, File.GetUnixFileMode(fifo));
    }

    [Theory]
    [InlineData("/dev/stdout", OutputFileKind.Stdout)]
    [InlineData("/dev/fd/1", OutputFileKind.Stdout)]
    [InlineData("/proc/self/fd/2", OutputFileKind.Stderr)]
    [InlineData("/dev/stderr", OutputFileKind.Stderr)]
    public void TryOpen_OurOwnStdoutOrStderr_IsShared_NotOpenedAgain(string path, OutputFileKind kind)
    {
        using OutputFile file = Open(path);

        Assert.Equal(kind, file.Kind);
        Assert.False(file.Stream.CanSeek);
    }

    [Fact]
    public void TryOpen_TheFileOurStdoutWasRedirectedTo_IsShared_WritesFollowWhatTheShellWrote()
    {
        // Opening it again would be a new description at offset 0: the first write would overwrite
        // "before". The shared one, written with write(2), moves the offset the shell's next write uses.
        string path = Path.Combine(_dir, "log");
        using SafeFileHandle shell = File.OpenHandle(path, FileMode.Create, FileAccess.Write); // the shell's > log
        WriteAtTheSharedOffset(shell, "before\n");
        OutputFileOpener opener = new(TimeSpan.FromMilliseconds(300), stdout: (int)shell.DangerousGetHandle(), stderr: 2);

        using (OutputFile file = Open(path, opener))
        {
            Assert.Equal(OutputFileKind.Stdout, file.Kind);
            file.Truncate(); // a no-op: ours is never truncated
            file.Stream.Write("{\"type\":\"x\"}\n"u8);
        }

        WriteAtTheSharedOffset(shell, "after\n");
        Assert.Equal("before\n{\"type\":\"x\"}\nafter\n", File.ReadAllText(path));
    }

    [Fact]
    public void TryOpen_DevNull_WhileOurStdoutIsDevNull_IsTheDevice_UnlessThePathNamesTheDescriptor()
    {
        // `tuiproc run --events /dev/null >/dev/null`: the same inode, but not a request to share our
        // stdout (the runner would move the human output to stderr).
        using SafeFileHandle devNull = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.Write);
        int fd = (int)devNull.DangerousGetHandle();
        OutputFileOpener opener = new(TimeSpan.FromMilliseconds(300), stdout: fd, stderr: 2);

        using (OutputFile byName = Open("/dev/null", opener))
        {
            Assert.Equal(OutputFileKind.CharacterDevice, byName.Kind);
        }

        using OutputFile byDescriptor = Open($"/proc/self/fd/{fd}", opener);
        Assert.Equal(OutputFileKind.Stdout, byDescriptor.Kind);
    }

    [Fact]
    public void TryOpen_ADirectory_ASocket_ADanglingLink_AnEmptyPath_AreRefused()
    {
        string socketPath = Path.Combine(_dir, "sock");
        using Socket socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        string link = Path.Combine(_dir, "link"), target = Path.Combine(_dir, "nowhere");
        File.CreateSymbolicLink(link, target);

        Assert.Equal("it is a directory", Refused(_dir));
        Assert.Equal("it is a socket, which cannot be opened as a file", Refused(socketPath));
        Assert.Equal($"it is a symbolic link to '{target}', which does not exist (create the file first, or name it directly)", Refused(link));
        Assert.False(File.Exists(target));
        Assert.Equal("no such directory", Refused(Path.Combine(_dir, "no", "such.json")));
        Assert.Equal("a part of its path is not a directory", Refused("/etc/passwd/x.json"));
        Assert.Equal("the path is empty", Refused(""));
        Assert.Equal("the path contains a NUL character, which no file name can hold", Refused(Path.Combine(_dir, "a\0b")));
        Assert.False(File.Exists(Path.Combine(_dir, "a")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private OutputFile Open(string path, OutputFileOpener? opener = null)
    {
        Assert.True((opener ?? _opener).TryOpen(path, 4096, out OutputFile? file, out string? problem), problem);
        return file;
    }

    private static unsafe void WriteAtTheSharedOffset(SafeFileHandle handle, string text)
    {
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(text);
        fixed (byte* p = bytes)
        {
            Assert.Equal(bytes.Length, (int)Libc.Write(handle, p, bytes.Length));
        }
    }

    private string Refused(string path)
    {
        Assert.False(_opener.TryOpen(path, 4096, out _, out string? problem));
        return problem;
    }

    private string Fifo()
    {
        string path = Path.Combine(_dir, "fifo");
        using Process mkfifo = Process.Start("mkfifo", ["-m", "644", path]);
        Assert.True(mkfifo.WaitForExit(10_000));
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>The "flags:" of this process's descriptor open for writing on <paramref name="path"/>, from /proc/self/fdinfo.</summary>
    private static int WriterFlags(string path)
    {
        foreach (string fd in Directory.GetFileSystemEntries("/proc/self/fd"))
        {
            if (new FileInfo(fd).LinkTarget != path)
            {
                continue;
            }

            string octal = File.ReadLines($"/proc/self/fdinfo/{Path.GetFileName(fd)}").First(l => l.StartsWith("flags:", StringComparison.Ordinal))[6..].Trim();
            int flags = Convert.ToInt32(octal, 8);
            if ((flags & 3) == 1)
            {
                return flags;
            }
        }

        throw new InvalidOperationException("no descriptor of this process writes " + path);
    }
}
