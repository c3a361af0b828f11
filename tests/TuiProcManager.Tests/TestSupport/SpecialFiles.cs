using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace TuiProcManager.Tests.TestSupport;

/// <summary>
/// A temporary directory of its own (removed at the end) in which a test makes what a user might name as
/// an output file: a FIFO, a block device node, a listening socket's path, a dangling symlink.
/// </summary>
internal sealed partial class SpecialFiles : IDisposable
{
    private static readonly string[] Disks = ["/dev/loop0", "/dev/sda", "/dev/vda", "/dev/xvda", "/dev/nvme0n1"];
    private readonly List<Socket> _sockets = [];

    /// <summary>The directory.</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("tuiproc-special-").FullName;

    /// <summary>True when this process may create device nodes (root).</summary>
    public static bool IsRoot => GetEuid() == 0;

    /// <summary>A path in <see cref="Directory"/>.</summary>
    public string PathOf(string name) => System.IO.Path.Combine(Directory, name);

    /// <summary>mkfifo NAME with <paramref name="mode"/> (set exactly, whatever the umask).</summary>
    public string Fifo(string name, UnixFileMode mode)
    {
        string path = PathOf(name);
        Run("mkfifo", path);
        File.SetUnixFileMode(path, mode);
        return path;
    }

    /// <summary>
    /// A block device node: <c>mknod NAME b 7 0</c> (loop0) here when we may (root); otherwise an existing
    /// one in /dev (/dev/loop0, a disk); null when neither can be had.
    /// </summary>
    public string? BlockDevice(string name)
    {
        string path = PathOf(name);
        if (IsRoot && Run("mknod", path, "b", "7", "0") == 0)
        {
            return path;
        }

        return Disks.FirstOrDefault(d => Run("test", "-b", d) == 0);
    }

    /// <summary>A unix socket bound (and listening) at NAME, kept open until disposal.</summary>
    public string Socket(string name)
    {
        string path = PathOf(name);
        Socket socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.Listen();
        _sockets.Add(socket);
        return path;
    }

    /// <summary>A symlink NAME to a target that does not exist; returns (link, target).</summary>
    public (string Link, string Target) DanglingLink(string name)
    {
        string link = PathOf(name), target = PathOf(name + ".target");
        File.CreateSymbolicLink(link, target);
        return (link, target);
    }

    /// <summary>The file type and permissions as stat(1) says them (<c>fifo 644</c>), without following a symlink.</summary>
    public static string TypeAndMode(string path)
    {
        ProcessStartInfo start = new("stat", ["-c", "%F %a", path]) { RedirectStandardOutput = true };
        using Process stat = Process.Start(start)!;
        string text = stat.StandardOutput.ReadToEnd().Trim();
        Assert.True(stat.WaitForExit(10_000), "stat ended");
        return text;
    }

    public void Dispose()
    {
        foreach (Socket socket in _sockets)
        {
            socket.Dispose();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static int Run(string program, params string[] args)
    {
        ProcessStartInfo start = new(program, args) { RedirectStandardError = true };
        using Process process = Process.Start(start)!;
        _ = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(10_000), $"{program} ended");
        return process.ExitCode;
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();
}
