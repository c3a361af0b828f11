using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Processes;

/// <summary>A child process held by a pidfd: signals that can never reach a reused PID.</summary>
/// <remarks>
/// <para>
/// PID reuse: a PID is free for reuse only once its process has been reaped. This class is the only
/// place that reaps (in <see cref="Reap"/>), and it takes the same lock to signal and to reap, so a signal
/// is either sent before the reap, to the right process (alive or a zombie), or refused after it. The
/// process itself is signalled through its pidfd, which refers to that process whatever its PID becomes.
/// </para>
/// <para>
/// Process group: the child was started as the leader of its own group (pgid = pid). While the leader
/// is unreaped, even as a zombie, that group ID cannot be given to anyone else, so kill(-pid) is safe
/// under the same rule. <see cref="Reap"/> uses that last safe moment to SIGKILL whatever the worker
/// left in its group, so that nothing it started outlives it.
/// </para>
/// </remarks>
internal sealed class PidfdProcess : IProcessHandle
{
    private readonly Lock _lock = new();
    private readonly InputPipe? _input;
    private int _pidfd;
    private volatile bool _reaped;

    /// <param name="pid">The child.</param>
    /// <param name="pidfd">Its pidfd, now ours.</param>
    /// <param name="inputFd">Our (write) end of its stdin pipe, now ours; negative when it has none.</param>
    public PidfdProcess(int pid, int pidfd, int inputFd = -1)
    {
        Pid = pid;
        _pidfd = pidfd;
        _input = inputFd >= 0 ? new InputPipe(inputFd) : null;
    }

    public int Pid { get; }

    public bool HasExited => _reaped;

    /// <summary>The pidfd, for the I/O loop to wait on; -1 once closed.</summary>
    internal int Pidfd => _pidfd;

    public bool Signal(ProcessSignal signal) => SendToProcess(Signals.Number(signal));

    /// <inheritdoc />
    public int WriteInput(ReadOnlyMemory<byte> data) => _input?.Write(data.Span) ?? -1;

    /// <inheritdoc />
    /// <remarks>Also done by the I/O loop once the process is reaped, and by <see cref="Dispose"/>.</remarks>
    public void CloseInput() => _input?.Close();

    /// <inheritdoc />
    public void HoldOutput(bool held) => OutputHold?.Invoke(held);

    /// <inheritdoc />
    public string? StartNote { get; internal set; }

    /// <summary>Where <see cref="HoldOutput"/> goes: set by the I/O loop when it takes the pipes, before any can be read.</summary>
    internal Action<bool>? OutputHold { get; set; }

    public bool SignalGroup(ProcessSignal signal)
    {
        int number = Signals.Number(signal);
        lock (_lock)
        {
            if (_reaped)
            {
                return false;
            }

            if (Libc.Kill(-Pid, number) == 0)
            {
                return true;
            }

            // ESRCH: no group Pid any more, yet the process is unreaped: it moved to another group
            // (setpgid). Signal at least the process itself.
            return SendToProcess(number);
        }
    }

    /// <summary>Waits until the process has ended (its pidfd is readable), at most <paramref name="timeout"/>.</summary>
    /// <returns>True when it has ended.</returns>
    internal unsafe bool WaitForExit(TimeSpan timeout)
    {
        Libc.PollFd poll = new() { Fd = _pidfd, Events = Libc.POLLIN };
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            int wait = (int)Math.Max(0, deadline - Environment.TickCount64);
            int rc = Libc.Poll(&poll, 1, wait);
            if (rc > 0)
            {
                return true;
            }

            if (rc == 0 || Libc.LastErrno != Errno.EINTR)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Collects the exit status, after SIGKILLing what is left in the process group. Call it only once the
    /// process has ended (pidfd readable, see <see cref="WaitForExit"/>): the group kill would otherwise hit
    /// the live process too. Returns null if it has not ended after all.
    /// </summary>
    internal unsafe WorkerExit? Reap()
    {
        lock (_lock)
        {
            if (_reaped)
            {
                return null;
            }

            _ = Libc.Kill(-Pid, Signals.SIGKILL); // leftovers; ESRCH means there were none
            byte* info = stackalloc byte[Libc.SigInfoSize];
            new Span<byte>(info, Libc.SigInfoSize).Clear();
            int rc = (int)Libc.RetryOnInterrupt(() => Libc.Waitid(Libc.P_PIDFD, (uint)_pidfd, info, Libc.WEXITED | Libc.WNOHANG));
            if (rc < 0)
            {
                // ECHILD: reaped by someone else. The .NET runtime reaps every child when it runs as PID 1
                // or when SIGCHLD was ignored at start (pal_signal.c); the status is lost.
                _reaped = true;
                return WorkerExit.Unknown("reaped by someone else (" + Libc.Describe(Libc.LastErrno) + ")");
            }

            if (*(int*)(info + Libc.SigInfoPidOffset) == 0)
            {
                return null; // not ended yet (spurious wake-up)
            }

            _reaped = true;
            int code = *(int*)(info + Libc.SigInfoCodeOffset);
            int status = *(int*)(info + Libc.SigInfoStatusOffset);
            return code == Libc.CLD_EXITED
                ? WorkerExit.Exited(status)
                : WorkerExit.Signaled(status, Signals.Name(status));
        }
    }

    /// <summary>
    /// Kills the process group unless the process has been reaped, and closes the stdin pipe; the pidfd
    /// stays open for the I/O loop.
    /// </summary>
    public void Dispose()
    {
        _input?.Close();
        lock (_lock)
        {
            if (!_reaped)
            {
                _ = Libc.Kill(-Pid, Signals.SIGKILL);
                _ = Libc.PidfdSendSignal(_pidfd, Signals.SIGKILL);
            }
        }
    }

    /// <summary>Closes the pidfd; called by the I/O loop once the process is reaped and unregistered.</summary>
    internal void ClosePidfd()
    {
        lock (_lock)
        {
            if (_pidfd >= 0)
            {
                _ = Libc.Close(_pidfd);
                _pidfd = -1;
            }
        }
    }

    private bool SendToProcess(int number)
    {
        lock (_lock)
        {
            if (_reaped || _pidfd < 0)
            {
                return false;
            }

            // ESRCH: it has ended (a zombie awaiting the reap); nothing to signal, which is not an error.
            return Libc.PidfdSendSignal(_pidfd, number) == 0;
        }
    }
}
