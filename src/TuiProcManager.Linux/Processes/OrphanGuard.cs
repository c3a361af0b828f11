using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Processes;

// Design: docs/decisions/0002-orphan-guard.md
/// <summary>
/// Starts and owns the orphan guard (<c>tuiproc-worker --guard TOKEN</c>), which kills everything we
/// started if this process dies, even by SIGKILL. How it works is described in the worker's GuardMode.cs.
/// </summary>
/// <remarks>
/// Started lazily, before the first worker, so that <c>tuiproc --help</c> starts nothing. The guard's stdin
/// is the read end of a pipe whose write end only this process holds (close-on-exec): the kernel closes it
/// when we end, however we end, and that end-of-file is the guard's signal.
/// </remarks>
internal sealed class OrphanGuard : IDisposable
{
    /// <summary>Prefix of the environment variable every child carries; the same text as GuardMode.EnvironmentPrefix in the worker.</summary>
    internal const string EnvironmentPrefix = "TUIPROC_GUARD_";

    private readonly Lock _lock = new();
    private readonly string _executable;
    private readonly string _argv0;
    private readonly string _token = NewToken();
    private int _writeFd = -1;
    private PidfdProcess? _guard;
    private bool _disposed;

    public OrphanGuard(LinuxProcessOptions options)
    {
        _executable = options.WorkerExecutable;
        _argv0 = options.WorkerArgv0;
    }

    /// <summary>
    /// The variable that marks our children, up to its value: <c>TUIPROC_GUARD_&lt;token&gt;=</c>. The guard
    /// looks only at this; the value says which launch a process descends from (see <see cref="StraySweeper"/>).
    /// </summary>
    public string EnvironmentMark => EnvironmentPrefix + _token + "=";

    /// <summary>PID of the running guard, if started.</summary>
    public int? Pid => _guard?.Pid;

    /// <summary>
    /// 16 random hex digits from getrandom(2) (not RandomNumberGenerator, which would load OpenSSL; see
    /// <see cref="Libc.GetRandom"/>). Should the call fail, Random.Shared (seeded by the runtime from the kernel):
    /// the mark only tells our descendants apart, it guards no secret.
    /// </summary>
    private static unsafe string NewToken()
    {
        const int Bytes = 8;
        byte* random = stackalloc byte[Bytes];
        if (Libc.GetRandom(random, Bytes, 0) != Bytes)
        {
            Random.Shared.NextBytes(new Span<byte>(random, Bytes));
        }

        return Convert.ToHexStringLower(new ReadOnlySpan<byte>(random, Bytes));
    }

    /// <summary>Starts the guard if it is not running.</summary>
    /// <exception cref="LaunchException">It cannot start: then no worker may start either.</exception>
    public void EnsureStarted(NativeStringArray environment)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_guard is not null)
            {
                return;
            }

            if (!File.Exists(_executable))
            {
                throw new LaunchException($"the orphan guard cannot start: {_executable} is missing (build the solution to create it)");
            }

            (int read, int write) = Pipes.Create();
            int rc = Spawner.Spawn(_executable, [_argv0, "--guard", _token], environment, new ChildFds(read, -1, -1), out int pid);
            Pipes.Close(read);
            if (rc != 0)
            {
                Pipes.Close(write);
                throw new LaunchException($"the orphan guard cannot start: {_executable}: {Libc.Describe(rc)}");
            }

            int pidfd = Libc.PidfdOpen(pid);
            if (pidfd < 0)
            {
                int errno = Libc.LastErrno;
                Pipes.Close(write); // the guard sees end-of-file, finds nothing and exits
                throw new LaunchException(PidfdFailure.Describe(errno));
            }

            // Reports must never block us: a guard that stopped reading (SIGSTOPped) would fill the pipe.
            Pipes.SetNonBlocking(write);
            _writeFd = write;
            _guard = new PidfdProcess(pid, pidfd);
        }
    }

    /// <summary>
    /// Tells the guard about an unmarked stray of ours (it cleared its environment and was re-parented to
    /// us), by PID and start time (/proc/PID/stat field 22), so that the guard kills it too if we die.
    /// </summary>
    /// <returns>
    /// False when the guard was not told: it is not running, or its pipe is full (64 KiB of reports it has
    /// not read: it is stopped or starved); the caller may try again later.
    /// </returns>
    /// <remarks>One line, far under PIPE_BUF, so the write is atomic: whole or not at all.</remarks>
    public bool Report(int pid, ulong startTime)
    {
        lock (_lock)
        {
            return !_disposed && WriteLine(FormattableString.Invariant($"{pid} {startTime}\n"));
        }
    }

    /// <summary>One line to the guard, without blocking. Caller holds <see cref="_lock"/>.</summary>
    private unsafe bool WriteLine(string text)
    {
        if (_writeFd < 0)
        {
            return false;
        }

        byte[] line = System.Text.Encoding.ASCII.GetBytes(text);
        fixed (byte* p = line)
        {
            nint written;
            do
            {
                written = Libc.Write(_writeFd, p, line.Length);
            }
            while (written < 0 && Libc.LastErrno == Errno.EINTR);
            return written == line.Length;
        }
    }

    /// <summary>Lets the guard run its sweep (finding nothing after a clean shutdown) and reaps it.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            WriteLine("bye\n"); // on purpose: the guard need not wait for our end before its sweep
            Pipes.Close(_writeFd);
            if (_guard is null)
            {
                return;
            }

            // The sweep reads /proc/*/environ once or twice: milliseconds. Bounded anyway; if the guard
            // is still sweeping after that, it is left to finish on its own (init reaps it after we exit).
            if (_guard.WaitForExit(TimeSpan.FromSeconds(2)))
            {
                _ = _guard.Reap();
            }

            _guard.ClosePidfd();
        }
    }
}
