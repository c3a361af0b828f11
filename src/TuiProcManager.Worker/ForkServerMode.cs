using System.Runtime.InteropServices;
using System.Text;

namespace TuiProcManager.Worker;

/// <summary>
/// The fork server: <c>tuiproc-worker --fork-server</c>, started by the supervisor, never by a user. It
/// starts square and cube workers by forking itself, like Python's <c>forkserver</c> start method.
/// </summary>
/// <remarks>
/// <para>
/// Why: a worker's start is dominated by exec and the runtime's start-up (about 3 ms of CPU for a
/// NativeAOT binary here); a clone of this already-started process costs about 0.4 ms. That is the
/// difference between losing to Python's <c>fork</c> start method and beating it several times over.
/// </para>
/// <para>
/// Protocol, on fd 0, a SOCK_SEQPACKET socket whose other end the supervisor holds: first we send one
/// int32, 1 (ready) or -95 (EOPNOTSUPP: this is not a NativeAOT build). Then, per request, the supervisor
/// sends the worker's arguments, NUL-separated UTF-8, with two fds attached (SCM_RIGHTS): the write ends
/// of the worker's stdout and stderr pipes. We answer with one int32: the new worker's PID, or -errno.
/// End of file on fd 0 (the supervisor closed it, or died) ends the server.
/// </para>
/// <para>
/// The clone uses CLONE_PARENT, so the worker is the supervisor's child, not ours: the supervisor holds
/// its pidfd, reaps it and reads its exit status exactly as for a child it spawned itself, with the same
/// PID-reuse guarantees. The child puts itself in a process group of its own, and so does the supervisor
/// as its parent as soon as it has the PID (we cannot: it is not our child), so there is no moment when
/// signalling the group misses it.
/// </para>
/// <para>
/// Why forking a .NET process is safe here, and the constraints that keep it so: a fork copies only the
/// calling thread, so every lock held by another thread at that moment stays locked forever in the
/// child. This process runs one thread of its own; the only other is the runtime's finalizer thread,
/// which stays blocked in its wait because nothing here is ever finalizable (no SafeHandles, no
/// streams, no Console: fds are plain ints). No thread pool, no timers, no tasks. A JIT build has
/// background compiler threads, hence the refusal above. The child runs only the worker and leaves by
/// _exit, never through this loop or the runtime's shutdown. The condition is checked, not assumed:
/// before the first clone and before every one after, this process must have exactly
/// <see cref="SafeThreadCount"/> threads, or the request is refused (and the supervisor falls back to
/// posix_spawn). A JIT build fails the check at once (it runs the compiler's and the signal handler's
/// threads too); it cannot be told apart otherwise, because with PublishAot set the SDK makes
/// RuntimeFeature report the AOT values even under the JIT.
/// </para>
/// </remarks>
internal static unsafe class ForkServerMode
{
    internal const string Flag = "--fork-server";

    /// <summary>Ours and the runtime's finalizer thread: the only state in which a fork is safe (see remarks).</summary>
    internal const int SafeThreadCount = 2;
    private const int Socket = 0;
    private const int Ready = 1;
    private const int NotSupported = -95;
    private const int InvalidRequest = -22;
    private const int MaxRequest = 64 * 1024;
    private const int ChildCrashed = 70; // EX_SOFTWARE

    internal static int Run()
    {
        if (Threads() != SafeThreadCount)
        {
            Reply(NotSupported);
            return 1;
        }

        Reply(Ready);
        byte* request = (byte*)NativeMemory.Alloc(MaxRequest);
        while (true)
        {
            int length = Receive(request, out int stdoutFd, out int stderrFd);
            if (length == 0)
            {
                return 0; // the supervisor is gone
            }

            if (length < 0)
            {
                Reply(InvalidRequest);
                continue;
            }

            if (Threads() != SafeThreadCount)
            {
                _ = Native.Close(stdoutFd);
                _ = Native.Close(stderrFd);
                Reply(NotSupported);
                continue;
            }

            int pid = Native.Clone(Native.CLONE_PARENT | Native.SIGCHLD);
            if (pid == 0)
            {
                RunChild(request, length, stdoutFd, stderrFd); // does not return
            }

            int errno = Native.LastErrno;
            _ = Native.Close(stdoutFd);
            _ = Native.Close(stderrFd);
            Reply(pid > 0 ? pid : -errno);
        }
    }

    /// <summary>In the child: becomes the worker, then _exit. Never returns.</summary>
    private static void RunChild(byte* request, int length, int stdoutFd, int stderrFd)
    {
        int code = ChildCrashed;
        try
        {
            _ = Native.SetPgid(0, 0);
            int devNull = Native.Open("/dev/null", Native.O_RDONLY);
            if (Native.Dup2(devNull, 0) < 0 || Native.Dup2(stdoutFd, 1) < 0 || Native.Dup2(stderrFd, 2) < 0)
            {
                Native.Exit(ChildCrashed);
            }

            if (!Native.CloseFrom(3))
            {
                // Before Linux 5.9: the fds we know of are enough (everything else here is close-on-exec
                // and there is no exec, so close what we hold).
                _ = Native.Close(devNull);
                _ = Native.Close(stdoutFd);
                _ = Native.Close(stderrFd);
            }

            string[] args = Encoding.UTF8.GetString(request, length).Split('\0');
            code = WorkerMain.Run(args);
        }
        catch (Exception e)
        {
            NativeOutput.Write(2, "tuiproc-worker: " + e.GetType().Name + ": " + e.Message + "\n");
        }

        Native.Exit(code);
    }

    /// <summary>One request: its length (0 at end of file, -1 if malformed), and its two fds.</summary>
    private static int Receive(byte* buffer, out int stdoutFd, out int stderrFd)
    {
        stdoutFd = stderrFd = -1;
        const int ControlSize = 64;
        byte* control = stackalloc byte[ControlSize];
        Native.IoVec iov = new() { Base = buffer, Length = MaxRequest };
        Native.MsgHdr message = new() { Iov = &iov, IovLength = 1, Control = control, ControlLength = ControlSize };
        nint n;
        do
        {
            n = Native.RecvMsg(Socket, &message, Native.MSG_CMSG_CLOEXEC);
        }
        while (n < 0 && Native.LastErrno == Native.EINTR);

        if (n <= 0)
        {
            return 0;
        }

        Native.CmsgHdr* header = (Native.CmsgHdr*)control;
        int headerSize = sizeof(Native.CmsgHdr);
        bool hasTwoFds = message.ControlLength >= (nuint)(headerSize + 8)
            && header->Level == Native.SOL_SOCKET && header->Type == Native.SCM_RIGHTS
            && header->Length == (nuint)(headerSize + 8);
        if (hasTwoFds)
        {
            int* fds = (int*)(control + headerSize);
            (stdoutFd, stderrFd) = (fds[0], fds[1]);
        }

        if (!hasTwoFds || (message.Flags & 0x8 /* MSG_CTRUNC */) != 0 || (message.Flags & 0x20 /* MSG_TRUNC */) != 0)
        {
            _ = Native.Close(stdoutFd);
            _ = Native.Close(stderrFd);
            return -1;
        }

        return (int)n;
    }

    /// <summary>This process's thread count, field 20 of /proc/self/stat, read without creating any finalizable object.</summary>
    private static int Threads()
    {
        int fd = Native.Open("/proc/self/stat", Native.O_RDONLY);
        if (fd < 0)
        {
            return -1;
        }

        byte* buffer = stackalloc byte[1024];
        nint n = Native.Read(fd, buffer, 1024);
        _ = Native.Close(fd);
        ReadOnlySpan<byte> stat = new(buffer, (int)Math.Max(n, 0));
        int close = stat.LastIndexOf((byte)')');
        if (close < 0)
        {
            return -1;
        }

        // Fields after "(comm)": state is field 3, num_threads field 20, so the 18th token.
        ReadOnlySpan<byte> rest = stat[(close + 2)..];
        for (int field = 3; field < 20; field++)
        {
            int space = rest.IndexOf((byte)' ');
            if (space < 0)
            {
                return -1;
            }

            rest = rest[(space + 1)..];
        }

        int end = rest.IndexOf((byte)' ');
        return System.Buffers.Text.Utf8Parser.TryParse(end < 0 ? rest : rest[..end], out int threads, out _) ? threads : -1;
    }

    private static void Reply(int value) => _ = Native.Send(Socket, (byte*)&value, sizeof(int), Native.MSG_NOSIGNAL);
}
