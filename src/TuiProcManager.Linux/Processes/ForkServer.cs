using System.Text;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Processes;

// Design: docs/decisions/0001-fork-server.md
/// <summary>
/// Client of the fork server (<c>tuiproc-worker --fork-server</c>; protocol and safety argument in the
/// worker's ForkServerMode.cs), which starts square and cube workers in about 0.4 ms instead of the
/// 3 ms of exec and runtime start-up.
/// </summary>
/// <remarks>
/// <para>
/// Started lazily, at the first request. Requests are serialized by <see cref="_lock"/>: one request, one
/// reply. The forked worker is our own child (CLONE_PARENT), so the caller treats its PID exactly like
/// one from posix_spawn.
/// </para>
/// <para>
/// Never a single point of failure: when the server cannot start, refuses (a JIT build of the worker,
/// where forking is unsafe), stops answering, or a request is too large for one message, <see cref="TryFork"/>
/// returns false and the caller uses posix_spawn. After a failure the server is not tried again, and
/// <see cref="DisabledBecause"/> says why.
/// </para>
/// </remarks>
internal sealed unsafe class ForkServer : IDisposable
{
    /// <summary>Largest request (the worker's arguments), the same limit as the server's buffer.</summary>
    internal const int MaxRequest = 64 * 1024;
    private const int Ready = 1;
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly string _executable;
    private readonly string _argv0;
    private int _socket = -1;
    private int _devNull = -1; // sent as stdin when the worker has no stdin pipe
    private PidfdProcess? _server;
    private bool _disposed;

    public ForkServer(LinuxProcessOptions options)
    {
        _executable = options.WorkerExecutable;
        _argv0 = options.WorkerArgv0;
        DisabledBecause = options.UseForkServer ? null : "disabled by configuration";
    }

    /// <summary>Why the server is not used (null while it is, or may be).</summary>
    public string? DisabledBecause { get; private set; }

    /// <summary>PID of the running server, if started.</summary>
    public int? Pid => _server?.Pid;

    /// <summary>
    /// Asks the server to fork a worker with <paramref name="arguments"/> (argv[1..]) and <paramref name="fds"/>
    /// (stdout and stderr are required; stdin negative: /dev/null; results negative: no fd 3).
    /// </summary>
    /// <returns>
    /// False: not handled, use posix_spawn. True: <paramref name="errno"/> is 0 and <paramref name="pid"/>
    /// is the new worker (our child), or <paramref name="errno"/> says why the fork failed (EAGAIN: the
    /// process limit), as posix_spawn would.
    /// </returns>
    public bool TryFork(IReadOnlyList<string> arguments, ChildFds fds, NativeStringArray environment, out int pid, out int errno)
    {
        (pid, errno) = (0, 0);
        byte[] request = Encoding.UTF8.GetBytes(string.Join('\0', arguments));
        lock (_lock)
        {
            if (_disposed || DisabledBecause is not null || request.Length > MaxRequest || (_server is null && !TryStart(environment)))
            {
                return false;
            }

            if (!Send(request, fds.Stdin >= 0 ? fds : fds with { Stdin = _devNull }) || !TryReceive(out int reply))
            {
                Disable($"the fork server stopped answering (no reply within {ReplyTimeout.TotalSeconds:0} s)");
                return false;
            }

            (pid, errno) = reply > 0 ? (reply, 0) : (0, -reply);
            return true;
        }
    }

    /// <summary>Closes the socket, which ends the server, and reaps it.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            Stop();
        }
    }

    private bool TryStart(NativeStringArray environment)
    {
        if (!File.Exists(_executable))
        {
            Disable($"{_executable} is missing");
            return false;
        }

        _devNull = Libc.Open("/dev/null", Libc.O_RDONLY | Libc.O_CLOEXEC);
        if (_devNull < 0)
        {
            Disable("cannot open /dev/null: " + Libc.Describe(Libc.LastErrno));
            return false;
        }

        int* fds = stackalloc int[2];
        if (Libc.SocketPair(Libc.AF_UNIX, Libc.SOCK_SEQPACKET | Libc.SOCK_CLOEXEC, 0, fds) != 0)
        {
            Disable("socketpair failed: " + Libc.Describe(Libc.LastErrno));
            return false;
        }

        int rc = Spawner.Spawn(_executable, [_argv0, "--fork-server"], environment, new ChildFds(fds[1], -1, -1), out int pid);
        Pipes.Close(fds[1]);
        _socket = fds[0];
        if (rc != 0)
        {
            Disable($"cannot start {_executable}: {Libc.Describe(rc)}");
            return false;
        }

        int pidfd = Libc.PidfdOpen(pid);
        if (pidfd < 0)
        {
            _ = Libc.Kill(pid, Signals.SIGKILL);
            Disable(PidfdFailure.Describe(Libc.LastErrno));
            return false;
        }

        _server = new PidfdProcess(pid, pidfd);
        if (!TryReceive(out int hello) || hello != Ready)
        {
            Disable(hello == -95 ? "the worker is not a NativeAOT build, and forking a JIT runtime is not safe" : "the fork server did not start");
            return false;
        }

        return true;
    }

    /// <summary>
    /// One request: the arguments, with stdin, stdout, stderr and, when there is one, the results pipe
    /// attached (SCM_RIGHTS; three or four fds, in that order: the count says whether the worker gets an
    /// fd 3). The kernel copies the fds into the server; ours stay ours to close.
    /// </summary>
    private bool Send(byte[] request, ChildFds fds)
    {
        int count = fds.Results >= 0 ? 4 : 3;
        int headerSize = sizeof(Libc.CmsgHdr);
        int messageLength = headerSize + (count * sizeof(int)); // CMSG_LEN
        int controlLength = (messageLength + 7) & ~7; // CMSG_SPACE: padded to the header's alignment
        byte* control = stackalloc byte[controlLength];
        new Span<byte>(control, controlLength).Clear();
        *(Libc.CmsgHdr*)control = new Libc.CmsgHdr { Length = (nuint)messageLength, Level = Libc.SOL_SOCKET, Type = Libc.SCM_RIGHTS };
        int* attached = (int*)(control + headerSize);
        (attached[0], attached[1], attached[2]) = (fds.Stdin, fds.Stdout, fds.Stderr);
        if (count == 4)
        {
            attached[3] = fds.Results;
        }

        fixed (byte* data = request.Length > 0 ? request : [0])
        {
            Libc.IoVec iov = new() { Base = data, Length = (nuint)Math.Max(request.Length, 1) };
            Libc.MsgHdr message = new() { Iov = &iov, IovLength = 1, Control = control, ControlLength = (nuint)controlLength };
            nint sent;
            do
            {
                sent = Libc.SendMsg(_socket, &message, Libc.MSG_NOSIGNAL);
            }
            while (sent < 0 && Libc.LastErrno == Errno.EINTR);
            return sent == Math.Max(request.Length, 1);
        }
    }

    private bool TryReceive(out int value)
    {
        value = 0;
        // Bounded: a server that hangs must not hang the supervisor (it is then disabled, see TryFork).
        Libc.PollFd poll = new() { Fd = _socket, Events = Libc.POLLIN };
        int ready;
        do
        {
            ready = Libc.Poll(&poll, 1, (int)ReplyTimeout.TotalMilliseconds);
        }
        while (ready < 0 && Libc.LastErrno == Errno.EINTR);

        int reply = 0;
        nint received = ready > 0 ? Libc.Recv(_socket, (byte*)&reply, sizeof(int), 0) : -1;
        value = reply;
        return received == sizeof(int);
    }

    private void Disable(string why)
    {
        DisabledBecause = why;
        Stop();
    }

    private void Stop()
    {
        Pipes.Close(_socket, _devNull);
        _socket = _devNull = -1;
        if (_server is { } server)
        {
            if (!server.WaitForExit(TimeSpan.FromSeconds(1)))
            {
                _ = server.Signal(Core.Os.ProcessSignal.Kill);
                _ = server.WaitForExit(TimeSpan.FromSeconds(1));
            }

            _ = server.Reap();
            server.ClosePidfd();
            _server = null;
        }
    }
}
