using Microsoft.Win32.SafeHandles;
using TuiProcManager.Linux.Files;
using TuiProcManager.Linux.Hosting;
using TuiProcManager.Linux.Interop;
using TuiProcManager.Linux.Processes;
using TuiProcManager.Linux.Tests.TestSupport;

namespace TuiProcManager.Linux.Tests.Hosting;

/// <summary>
/// A detached process (a session server) with a file of ours on its fd 4 (the events file it writes for
/// us): real processes, real descriptors. And the server's side, taking that fd over.
/// </summary>
/// <remarks>
/// Alone in the test host: a detached child is unmarked, in a session of its own and our child, which is
/// what a stray looks like to the sweep of any other test's supervisor; one ending beside these tests killed
/// their python children before they said ready (the first clean-clone run).
/// </remarks>
[Collection(AloneInTheProcess.Name)]
public sealed class DetachedProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tuiproc-detached-").FullName;

    /// <summary>Prints which of its fds 0 to 9 are open, writes "recorded" to fd 4, then "ready" to fd 3.</summary>
    private const string Child =
        "import os\n" +
        "def is_open(fd):\n" +
        "    try:\n" +
        "        os.fstat(fd)\n" +
        "        return True\n" +
        "    except OSError:\n" +
        "        return False\n" +
        "print([fd for fd in range(10) if is_open(fd)], flush=True)\n" +
        "os.write(4, b'recorded')\n" +
        "os.write(3, b'ready\\n')\n";

    [Fact]
    public async Task Start_WithAPassedFile_TheChildWritesItOnFd4_HasNoOtherFdOfOurs_AndOursStaysOpen()
    {
        string log = Path.Combine(_dir, "log");
        string record = Path.Combine(_dir, "record");
        using SafeFileHandle file = File.OpenHandle(record, FileMode.CreateNew, FileAccess.Write);

        int pid = DetachedProcess.Start("/usr/bin/python3", ["python3", "-c", Child], log, out Stream ready, file);

        using (StreamReader reader = new(ready))
        {
            Assert.Equal("ready", await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        }

        await WaitGoneAsync(pid);
        Assert.Equal("[0, 1, 2, 3, 4]", File.ReadAllText(log).Trim());
        Assert.Equal("recorded", File.ReadAllText(record));
        Assert.False(file.IsClosed);
        Assert.Single(OurFdsOn(record)); // ours; the copy made for the child is closed again
    }

    [Fact]
    public async Task Start_WithoutAPassedFile_TheChildHasNoFd4()
    {
        string log = Path.Combine(_dir, "log");

        int pid = DetachedProcess.Start("/usr/bin/python3", ["python3", "-c", "import os\nprint(os.path.exists('/proc/self/fd/4'), flush=True)\nos.write(3, b'ready\\n')\n"], log, out Stream ready);

        using (StreamReader reader = new(ready))
        {
            Assert.Equal("ready", await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        }

        await WaitGoneAsync(pid);
        Assert.Equal("False", File.ReadAllText(log).Trim());
    }

    [Fact]
    public void TryAdopt_AnOpenFd_OwnsIt_AndMarksItCloseOnExec()
    {
        using SafeFileHandle file = File.OpenHandle(Path.Combine(_dir, "f"), FileMode.CreateNew, FileAccess.Write);
        int copy = Libc.Fcntl((int)file.DangerousGetHandle(), 0 /* F_DUPFD: not close-on-exec */, 10);
        Assert.True(copy >= 10);
        Assert.Equal(0, Libc.Fcntl(copy, Libc.F_GETFD, 0));

        Assert.True(InheritedDescriptor.TryAdopt(copy, out SafeFileHandle? adopted, out string? problem), problem);

        Assert.Equal(Libc.FD_CLOEXEC, Libc.Fcntl(copy, Libc.F_GETFD, 0));
        adopted.Dispose();
        Assert.True(Libc.Fcntl(copy, Libc.F_GETFD, 0) < 0, "the adopted fd is closed with its handle");
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(2)]
    public void TryAdopt_AFdNotPassedOrOneOfOurStdio_OneLine(int fd)
    {
        Assert.False(InheritedDescriptor.TryAdopt(fd, out SafeFileHandle? adopted, out string? problem));

        Assert.Null(adopted);
        Assert.Equal($"fd {fd} was not passed open", problem);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IEnumerable<string> OurFdsOn(string path) =>
        Directory.GetFiles("/proc/self/fd").Where(fd => new FileInfo(fd).LinkTarget == path);

    /// <summary>Waits for our child <paramref name="pid"/> to end, and reaps it (nothing else here would).</summary>
    private static Task WaitGoneAsync(int pid)
    {
        using PidfdProcess process = new(pid, Libc.PidfdOpen(pid));
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), $"pid {pid} did not end");
        Assert.NotNull(process.Reap());
        return Task.CompletedTask;
    }
}
