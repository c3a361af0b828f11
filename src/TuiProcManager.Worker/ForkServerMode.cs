using System.Runtime.InteropServices;
using System.Text;

namespace TuiProcManager.Worker;

// Design: docs/decisions/0001-fork-server.md
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
/// sends the worker's arguments, NUL-separated UTF-8, with three or four fds attached (SCM_RIGHTS), in
/// order: the worker's stdin (the read end of its input pipe, or /dev/null), the write ends of its stdout
/// and stderr pipes, and, only when it has one, the write end of its results pipe. The worker gets them
/// as fds 0 to 2 (or 3) and nothing else: with three fds it has no fd 3 at all, exactly as when spawned.
/// We answer with one int32: the new worker's PID, or -errno (-22, EINVAL, for a malformed request:
/// any other number of fds, or a truncated message; whatever fds came with it are closed). End of file
/// on fd 0 (the supervisor closed it, or died) ends the server.
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
    private const int MaxFds = 4; // stdin, stdout, stderr, results

    internal static int Run()
    {
        if (Threads() != SafeThreadCount)
        {
            Reply(NotSupported);
            return 1;
        }

        Reply(Ready);
        byte* request = (byte*)NativeMemory.Alloc(MaxRequest);
        int* fds = stackalloc int[MaxFds];
        while (true)
        {
            int length = Receive(request, fds, out int count);
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
                CloseAll(fds, count);
                Reply(NotSupported);
                continue;
            }

            int pid = Native.Clone(Native.CLONE_PARENT | Native.SIGCHLD);
            if (pid == 0)
            {
                RunChild(request, length, fds, count); // does not return
            }

            int errno = Native.LastErrno;
            CloseAll(fds, count); // the child has its copies: ours would keep its pipes from end of file
            Reply(pid > 0 ? pid : -errno);
        }
    }

    /// <summary>In the child: becomes the worker, then _exit. Never returns.</summary>
    /// <remarks>
    /// The received fds are all 3 or above (0 is the socket, 1 and 2 /dev/null), and fd 3 is written last,
    /// so no dup2 overwrites a source before it is copied.
    /// </remarks>
    private static void RunChild(byte* request, int length, int* fds, int count)
    {
        int code = ChildCrashed;
        try
        {
            _ = Native.SetPgid(0, 0);
            for (int target = 0; target < count; target++)
            {
                if (Native.Dup2(fds[target], target) < 0)
                {
                    Native.Exit(ChildCrashed);
                }
            }

            if (!Native.CloseFrom(count))
            {
                // Before Linux 5.9: the fds we know of are enough (everything else here is close-on-exec
                // and there is no exec, so close what we hold).
                for (int i = 0; i < count; i++)
                {
                    _ = fds[i] >= count ? Native.Close(fds[i]) : 0;
                }
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

    /// <summary>
    /// One request: its length (0 at end of file, -1 if malformed), and its three or four fds. On -1 every
    /// fd that came with the message is already closed.
    /// </summary>
    private static int Receive(byte* buffer, int* fds, out int count)
    {
        count = 0;
        const int ControlSize = 64; // room for 12 fds: more than we accept, so a bad request's are all seen and closed
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

        // Every fd the kernel installed is ours to close, whatever else is wrong with the message. With
        // MSG_CTRUNC it installed only those that fit, and the header says how many.
        Native.CmsgHdr* header = (Native.CmsgHdr*)control;
        int headerSize = sizeof(Native.CmsgHdr);
        int received = 0;
        if (message.ControlLength >= (nuint)headerSize && header->Level == Native.SOL_SOCKET && header->Type == Native.SCM_RIGHTS)
        {
            nuint length = Math.Min(header->Length, message.ControlLength);
            received = length > (nuint)headerSize ? (int)((length - (nuint)headerSize) / sizeof(int)) : 0;
        }

        int* attached = (int*)(control + headerSize);
        if (received is < 3 or > MaxFds || (message.Flags & 0x8 /* MSG_CTRUNC */) != 0 || (message.Flags & 0x20 /* MSG_TRUNC */) != 0)
        {
            CloseAll(attached, received);
            return -1;
        }

        for (int i = 0; i < received; i++)
        {
            fds[i] = attached[i];
        }

        count = received;
        return (int)n;
    }

    private static void CloseAll(int* fds, int count)
    {
        for (int i = 0; i < count; i++)
        {
            _ = Native.Close(fds[i]);
        }
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
