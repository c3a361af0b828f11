using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Processes;

/// <summary>
/// The strays the <see cref="StraySweeper"/> has sent SIGKILL, until each is reaped (then reported as
/// ended), and the ones reported as surviving (once each). I/O thread only.
/// </summary>
/// <remarks>A stray is reaped through its own pidfd only (see <see cref="StraySweeper"/> on PID reuse).</remarks>
internal sealed class KilledStrays : IDisposable
{
    private const int KillWaitBudgetMs = 20; // per sweep, for SIGKILLed strays to die: a few µs each, as a rule
    private const long SurvivorAfterMs = 2000;

    private readonly Dictionary<int, KilledStray> _killed = [];
    private readonly HashSet<(int Pid, ulong Start)> _survivors = []; // reported once

    /// <summary>Killed strays not reaped yet.</summary>
    public int Count => _killed.Count;

    /// <summary>Whether <paramref name="pid"/> is a killed stray not reaped yet.</summary>
    public bool Contains(int pid) => _killed.ContainsKey(pid);

    /// <summary>A stray was sent SIGKILL (or had died already); its pidfd is ours from here on.</summary>
    public void Add(KilledStray stray) => _killed[stray.Pid] = stray;

    /// <summary>True the first time a surviving process (PID and start time) is to be reported; false after.</summary>
    public bool FirstSurvivorReport(int pid, ulong start) => _survivors.Add((pid, start));

    /// <summary>waitid on this pidfd only. True when it was reaped, here or by someone else (ECHILD).</summary>
    public static unsafe bool TryReap(int pidfd)
    {
        byte* info = stackalloc byte[Libc.SigInfoSize];
        new Span<byte>(info, Libc.SigInfoSize).Clear();
        long rc = Libc.RetryOnInterrupt(() => Libc.Waitid(Libc.P_PIDFD, (uint)pidfd, info, Libc.WEXITED | Libc.WNOHANG));
        // ECHILD: not our child any more, i.e. reaped already (the runtime reaps every child when it runs
        // as PID 1 or when SIGCHLD was ignored at start; pal_signal.c).
        return rc < 0 ? Libc.LastErrno == Errno.ECHILD : *(int*)(info + Libc.SigInfoPidOffset) != 0;
    }

    /// <summary>Reaps the strays that died; reports each once reaped, or once if it will not die.</summary>
    public unsafe void ReapDead(List<(IProcessEvents, LeftBehindProcess)> reports)
    {
        long deadline = Environment.TickCount64 + KillWaitBudgetMs;
        foreach (KilledStray s in _killed.Values.ToList())
        {
            Libc.PollFd poll = new() { Fd = s.Pidfd, Events = Libc.POLLIN };
            int wait = (int)Math.Max(0, deadline - Environment.TickCount64);
            _ = Libc.Poll(&poll, 1, wait); // readable once it has died; EINTR just means try at the next sweep
            if (TryReap(s.Pidfd))
            {
                _killed.Remove(s.Pid);
                _ = Libc.Close(s.Pidfd);
                reports.Add((s.Launch.Events, new LeftBehindProcess(s.Pid, s.Name, true, s.How)));
            }
            else if (Environment.TickCount64 - s.KilledAt >= SurvivorAfterMs && _survivors.Add((s.Pid, s.Start)))
            {
                reports.Add((s.Launch.Events, new LeftBehindProcess(s.Pid, s.Name, false, "still there 2 s after SIGKILL (uninterruptible sleep?)")));
            }
        }
    }

    /// <summary>Closes the pidfds of the strays not reaped; they are left to the guard.</summary>
    public void Dispose()
    {
        foreach (KilledStray s in _killed.Values)
        {
            _ = Libc.Close(s.Pidfd);
        }

        _killed.Clear();
    }
}
