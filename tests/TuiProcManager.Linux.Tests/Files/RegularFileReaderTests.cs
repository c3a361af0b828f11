using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using TuiProcManager.Linux.Files;

namespace TuiProcManager.Linux.Tests.Files;

/// <summary>
/// <see cref="RegularFileReader"/> on real special files, in a directory of its own. Pinned: a settings
/// file that was a symlink to /dev/zero grew the app to 3 GB; one that was a FIFO with no writer blocked
/// the app for ever on a blank screen.
/// </summary>
public sealed partial class RegularFileReaderTests : IDisposable
{
    private const int Limit = 64 * 1024;
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(5);
    private readonly string _dir = Directory.CreateTempSubdirectory("tuiproc-reader-").FullName;
    private readonly List<Socket> _sockets = [];

    [Fact]
    public void Read_ARegularFileWithinTheLimit_IsReadWhole()
    {
        string path = Path.Combine(_dir, "settings.json");
        File.WriteAllText(path, "{\"theme\": \"Tuiproc Light\"}");

        byte[]? bytes = RegularFileReader.Instance.Read(path, Limit, out string? problem);

        Assert.Null(problem);
        Assert.Equal("{\"theme\": \"Tuiproc Light\"}", System.Text.Encoding.UTF8.GetString(bytes!));
    }

    [Fact]
    public void Read_AFileOfExactlyTheLimit_IsRead_AndOneByteMoreIsRefused()
    {
        string exact = Path.Combine(_dir, "exact"), over = Path.Combine(_dir, "over");
        File.WriteAllBytes(exact, new byte[Limit]);
        File.WriteAllBytes(over, new byte[Limit + 1]);

        Assert.Equal(Limit, RegularFileReader.Instance.Read(exact, Limit, out _)?.Length);
        Assert.Null(RegularFileReader.Instance.Read(over, Limit, out string? problem));
        Assert.Equal("larger than 64 KiB", problem);
    }

    [Fact]
    public void Read_AMissingFile_IsNoProblem()
    {
        Assert.Null(RegularFileReader.Instance.Read(Path.Combine(_dir, "none", "settings.json"), Limit, out string? problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Read_ASymlinkToDevZero_IsRefusedAtOnce_WithoutReading()
    {
        string link = Path.Combine(_dir, "settings.json");
        File.CreateSymbolicLink(link, "/dev/zero");

        Assert.Equal("a character device, not a regular file", Refused(link));
    }

    [Fact]
    public void Read_AFifoWithNoWriter_IsRefusedAtOnce()
    {
        string fifo = Path.Combine(_dir, "fifo.json");
        Run("mkfifo", fifo);

        Assert.Equal("a FIFO, not a regular file", Refused(fifo));
    }

    [Fact]
    public void Read_ADirectory_IsRefused()
    {
        string dir = Directory.CreateDirectory(Path.Combine(_dir, "dir.json")).FullName;

        Assert.Equal("a directory, not a regular file", Refused(dir));
    }

    [Fact]
    public void Read_ASocket_IsRefused()
    {
        string path = Path.Combine(_dir, "socket.json");
        Socket socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _sockets.Add(socket);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.Listen();

        Assert.Equal("a socket, not a regular file", Refused(path));
    }

    [Fact]
    public void Read_A100MegabyteFile_IsRefusedAfterReadingOneByteOverTheLimit()
    {
        string path = Path.Combine(_dir, "big.json");
        using (FileStream file = new(path, FileMode.CreateNew))
        {
            file.Write(new byte[100 * 1024 * 1024]);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal("larger than 64 KiB", Refused(path));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1024 * 1024, $"{allocated:N0} bytes allocated to refuse a 100 MB file");
    }

    [Fact]
    public void Read_ADanglingSymlink_IsAProblemNamingItsTarget()
    {
        string link = Path.Combine(_dir, "settings.json"), target = Path.Combine(_dir, "gone.json");
        File.CreateSymbolicLink(link, target);

        Assert.Equal($"a symbolic link to '{target}', which does not exist", Refused(link));
    }

    [Fact]
    public void Read_AFileThatCannotBeRead_SaysPermissionDenied()
    {
        // As root, permissions are not checked (CAP_DAC_OVERRIDE); setfsuid to nobody on this thread
        // alone drops that for file access (and only here: fsuid is per thread).
        File.SetUnixFileMode(_dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);
        string path = Path.Combine(_dir, "secret.json");
        File.WriteAllText(path, "{}");
        File.SetUnixFileMode(path, UnixFileMode.None);

        string? problem;
        int before = SetFsUid(65534);
        try
        {
            Assert.Null(RegularFileReader.Instance.Read(path, Limit, out problem));
        }
        finally
        {
            _ = SetFsUid(before);
        }

        Assert.Equal("not readable: permission denied", problem);
    }

    public void Dispose()
    {
        foreach (Socket socket in _sockets)
        {
            socket.Dispose();
        }

        Directory.Delete(_dir, recursive: true);
    }

    private static string Refused(string path)
    {
        Stopwatch clock = Stopwatch.StartNew();
        Task<(byte[]?, string?)> read = Task.Run(() => (RegularFileReader.Instance.Read(path, Limit, out string? problem), problem));
        Assert.True(read.Wait(Bounded), $"Read({path}) still blocked after {Bounded.TotalSeconds} s");
        (byte[]? bytes, string? why) = read.Result;
        Assert.Null(bytes);
        Assert.NotNull(why);
        Assert.True(clock.Elapsed < Bounded);
        return why;
    }

    private static void Run(string program, params string[] args)
    {
        using Process process = Process.Start(program, args);
        Assert.True(process.WaitForExit(10_000), $"{program} ended");
        Assert.Equal(0, process.ExitCode);
    }

    /// <summary>setfsuid(2): the uid this thread's file accesses are checked as; returns the previous one.</summary>
    [LibraryImport("libc", EntryPoint = "setfsuid")]
    private static partial int SetFsUid(int fsuid);
}
