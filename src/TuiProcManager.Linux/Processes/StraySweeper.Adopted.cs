using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Interop;
using TuiProcManager.Linux.Proc;

namespace TuiProcManager.Linux.Processes;

/// <summary>
/// The sweeper's look at our children between sweeps (the adopted descendants of running workers, for the
/// process table, and unmarked strays, for the orphan guard), and how a child is told to be a launch's:
/// its mark, its process group, its session.
/// </summary>
internal sealed partial class StraySweeper
{
    /// <summary>
    /// Our children that came from a running worker (its mark, or for a forked worker its process group),
    /// by that worker's PID: what the process table shows below the worker. Unmarked strays outside our
    /// session seen here are reported to the guard. On the supervisor's clock thread, at each resource sample
    /// (once a second) while a worker runs: that is also when a stray re-parented since the last sweep is
    /// first seen.
    /// </summary>
    /// <remarks>
    /// An unmarked stray is not listed under any worker: which one left it cannot be told (the sweep's guess,
    /// the last worker to end, is only good enough to name in a report once it is ended).
    /// </remarks>
    public IReadOnlyList<AdoptedProcess> ReadAdopted()
    {
        List<AdoptedProcess> found = [];
        lock (StartLock)
        {
            // Only the main thread's children file: a process re-parented to a subreaper becomes a child of
            // its first live thread, the main one (find_new_reaper → find_alive_thread, kernel/exit.c, since
            // 3.19; we need 5.4). Our other threads' children are the workers they started and the runtime's
            // Process children, neither of them adopted. Reading every thread's file (16 of them) once a second
            // was a third of this thread's idle /proc reading. The sweeps at a worker's end still read them all.
            foreach (int pid in _clockProc.ReadMainThreadChildren(_self))
            {
                if (_isExempt(pid) || (_latestByPid.TryGetValue(pid, out SweptLaunch? worker) && !worker.Ended)
                    || !_clockProc.TryRead(pid, out ProcessStatus s) || s.ParentPid != _self || s.State == OsProcessState.Zombie)
                {
                    continue; // a worker, the guard or the fork server; gone; or dead already
                }

                SweptLaunch? owner = Owner(pid, s.ProcessGroup);
                if (owner is { Ended: false, Pid: > 0 })
                {
                    found.Add(new AdoptedProcess(owner.Pid, pid));
                }
                else if (owner is null && IsUnmarkedOutsideOurSession(pid, s))
                {
                    TellGuard(pid, s.StartTime);
                }
            }
        }

        return found;
    }

    /// <summary>A child of ours in a session of its own without any supervisor's mark: a worker's stray that cleared its environment.</summary>
    private bool IsUnmarkedOutsideOurSession(int pid, ProcessStatus s) => !InOurSession(s.Session) && ProcEnviron.Find(pid, AnyMark) is null;

    /// <summary>Reports an unmarked stray to the guard, once (again if the guard's pipe was full). Caller holds <see cref="StartLock"/>.</summary>
    private void TellGuard(int pid, ulong start)
    {
        // The set grows by one entry per unmarked stray (PID and start time name one process forever),
        // reported ones are few: cleared-environment processes that left the session.
        if (!_toldGuard.Contains((pid, start)) && _tellGuard(pid, start))
        {
            _ = _toldGuard.Add((pid, start));
        }
    }

    /// <summary>Whether <paramref name="session"/> is this process's own.</summary>
    private bool InOurSession(int session) => _own is not { } me || session == me.Session;

    /// <summary>The launch a marked process came from; null when it carries no mark of ours.</summary>
    private SweptLaunch? Owner(int pid, int processGroup)
    {
        string? value = ProcEnviron.Find(pid, _mark);
        if (value is null)
        {
            return null;
        }

        return long.TryParse(value, out long id) && _launches.TryGetValue(id, out SweptLaunch? launch)
            ? launch
            : _latestByPid.GetValueOrDefault(processGroup); // the fork server's workers carry its value
    }
}
