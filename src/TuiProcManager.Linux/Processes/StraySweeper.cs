using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Interop;
using TuiProcManager.Linux.Proc;

namespace TuiProcManager.Linux.Processes;

// Design: docs/decisions/0002-orphan-guard.md
/// <summary>
/// Ends what a worker left behind outside its process group (a <c>setsid</c> grandchild, a double-forked
/// daemon), reaps it, and reports it to the worker's <see cref="IProcessEvents.OnLeftBehind"/>.
/// </summary>
/// <remarks>
/// <para>
/// How they are found: this process is a child subreaper (PR_SET_CHILD_SUBREAPER, set by the launcher),
/// so a descendant whose parent dies is re-parented to us instead of to init. After every worker's end
/// the sweeper lists our children (/proc/self/task/*/children) a few times (at once, then up to 2 s later:
/// a grandchild is re-parented only once its own parent, perhaps killed with the worker's group, has
/// died). A child that is not a live worker, the guard or the fork server is a stray.
/// </para>
/// <para>
/// Whose it is: every process we spawn carries <c>TUIPROC_GUARD_&lt;token&gt;=&lt;launch&gt;</c>, and its
/// descendants inherit it, so the value names the worker it came from (workers forked by the fork server
/// carry the server's value 0 and are attributed by process group). A stray whose worker still runs is
/// left alone: it ends when that worker does. One without the mark (it cleared its environment) is ours
/// only if it is outside our own process group — the runtime's children for
/// <see cref="System.Diagnostics.Process"/> stay in it and are never touched — and is ended once no worker
/// runs, since it might be a running worker's helper.
/// </para>
/// <para>
/// PID reuse: a stray is our child, so its PID cannot be reused until we reap it, but the runtime reaps
/// its own Process children, whose PIDs can. So the pidfd is opened first and the process read again
/// through /proc with the same start time before anything is decided; the kill goes through the pidfd,
/// and the reap is waitid(P_PIDFD), which can only collect that process, never a worker (the I/O loop
/// reaps those through their own pidfds).
/// </para>
/// <para>
/// Threads: <see cref="Register"/>, <see cref="Started"/> and <see cref="Forget"/> run on the launching
/// thread under <see cref="StartLock"/>, taken for each of them and not held in between: a start can wait
/// seconds on a fork server that stopped answering, and the I/O thread takes the same lock for every exit
/// and sweep. Instead, while any start is between <see cref="Register"/> and <see cref="Started"/> or
/// <see cref="Forget"/>, sweeps are put off (by 20 ms at a time), so that a sweep never takes a worker
/// being started for a stray (a forked worker's mark is the fork server's, launch 0, which alone would say
/// nothing about it). An exit can even be seen before its start is over: <see cref="Started"/> then counts
/// no running worker. Everything else runs on the I/O thread. Reports are delivered outside the lock.
/// </para>
/// </remarks>
internal sealed partial class StraySweeper : IDisposable
{
    private static readonly byte[] AnyMark = System.Text.Encoding.ASCII.GetBytes("TUIPROC_GUARD_"); // any supervisor's

    private readonly Dictionary<long, SweptLaunch> _launches = []; // under StartLock
    private readonly Dictionary<int, SweptLaunch> _latestByPid = []; // under StartLock; the latest launch that had the PID
    private readonly KilledStrays _killed = new(); // I/O thread
    private readonly SweepSchedule _schedule = new(); // I/O thread
    private readonly ProcFsProbe _proc = new(); // its own buffer: the supervisor's probe belongs to the clock thread
    private readonly ProcFsProbe _clockProc = new(); // ReadAdopted's, on the supervisor's clock thread
    private readonly HashSet<(int Pid, ulong Start)> _toldGuard = []; // under StartLock
    private readonly byte[] _mark;
    private readonly Func<int, bool> _isExempt;
    private readonly Func<int, ulong, bool> _tellGuard;
    private readonly int _self = Environment.ProcessId;
    private long _nextLaunch;
    private static int s_running; // workers started and not yet ended, of every supervisor in this process (Interlocked)
    private SweptLaunch? _lastEnded; // under StartLock
    private int _starting; // under StartLock: launches between Register and Started or Forget
    private readonly ProcessStatus? _own; // this process (its group and session do not change)

    /// <param name="mark">The guard's variable up to its value: <c>TUIPROC_GUARD_&lt;token&gt;=</c>.</param>
    /// <param name="isExempt">True for children of ours that are not workers yet carry the mark (the guard, the fork server).</param>
    /// <param name="tellGuard">
    /// Reports an unmarked stray (PID, start time) to the orphan guard, which kills it if we die before
    /// it ends (<see cref="OrphanGuard.Report"/>); false when the guard could not be told (then it is tried
    /// again when the stray is next seen).
    /// </param>
    public StraySweeper(string mark, Func<int, bool> isExempt, Func<int, ulong, bool> tellGuard)
    {
        _mark = System.Text.Encoding.ASCII.GetBytes(mark);
        _isExempt = isExempt;
        _tellGuard = tellGuard;
        _own = _proc.TryRead(_self, out ProcessStatus me) ? me : null;
    }

    /// <summary>Taken by each of <see cref="Register"/>, <see cref="Started"/>, <see cref="Forget"/> and a sweep; never across a spawn.</summary>
    public Lock StartLock { get; } = new();

    /// <summary>A new launch, before its spawn; its number goes into the child's mark. Sweeps wait until it is over.</summary>
    public long Register(IProcessEvents events)
    {
        lock (StartLock)
        {
            long id = ++_nextLaunch;
            _launches[id] = new SweptLaunch(id, events);
            _starting++;
            return id;
        }
    }

    /// <summary>The launch's process started.</summary>
    public void Started(long launch, int pid)
    {
        lock (StartLock)
        {
            SweptLaunch l = _launches[launch];
            l.Pid = pid;
            _latestByPid[pid] = l;
            _starting--;
            if (!l.Ended) // it may have ended already, its exit seen by the I/O thread before this
            {
                Interlocked.Increment(ref s_running);
            }
        }
    }

    /// <summary>The launch failed.</summary>
    public void Forget(long launch)
    {
        lock (StartLock)
        {
            _launches.Remove(launch);
            _starting--;
        }
    }

    /// <summary>The launch's process was reaped: sweep now and a few times more. I/O thread.</summary>
    public void Ended(long launch)
    {
        lock (StartLock)
        {
            if (_launches.TryGetValue(launch, out SweptLaunch? l) && !l.Ended)
            {
                l.Ended = true;
                _ = l.Pid != 0 ? Interlocked.Decrement(ref s_running) : 0;
                _lastEnded = l;
            }
        }

        _schedule.AfterAnEnd(Environment.TickCount64);
    }

    /// <summary>Milliseconds until the next sweep is due; -1 when none is.</summary>
    public int NextTimeoutMs() => _schedule.NextTimeoutMs();

    /// <summary>Sweeps if one is due. I/O thread.</summary>
    public void SweepIfDue()
    {
        long now = Environment.TickCount64;
        if (!_schedule.IsDue(now))
        {
            return;
        }

        List<(IProcessEvents Events, LeftBehindProcess Process)> reports = [];
        lock (StartLock)
        {
            if (_starting > 0)
            {
                // A child may be one being started, not yet known by its PID: look again shortly.
                _schedule.PutOff(now + 20);
                return;
            }

            _schedule.Done(now);
            foreach (int pid in _proc.ReadChildren(_self, threads: 0))
            {
                if (!_killed.Contains(pid))
                {
                    Consider(pid, reports);
                }
            }
        }

        int killedBefore = _killed.Count;
        _killed.ReapDead(reports);
        if (_killed.Count > 0 && _schedule.IsEmpty)
        {
            _schedule.Add(Environment.TickCount64 + 100); // keep reaping what was killed but has not died yet
        }
        else if (_killed.Count < killedBefore && _schedule.IsEmpty)
        {
            // What the reaped strays had started comes to us as they die (several levels of them, one at a
            // time): one more look, soon.
            _schedule.Add(Environment.TickCount64 + 20);
        }

        foreach ((IProcessEvents events, LeftBehindProcess process) in reports)
        {
            events.OnLeftBehind(process);
        }
    }

    public void Dispose()
    {
        _killed.Dispose();
        _proc.Dispose();
        _clockProc.Dispose();
    }

    /// <summary>Decides about one child of ours. Caller holds <see cref="StartLock"/>.</summary>
    private void Consider(int pid, List<(IProcessEvents, LeftBehindProcess)> reports)
    {
        if (_isExempt(pid) || (_latestByPid.TryGetValue(pid, out SweptLaunch? worker) && !worker.Ended))
        {
            return; // a worker the I/O loop reaps, or the guard or the fork server
        }

        if (!_proc.TryRead(pid, out ProcessStatus before) || before.ParentPid != _self)
        {
            return;
        }

        int pidfd = Libc.PidfdOpen(pid);
        if (pidfd < 0)
        {
            return; // gone (ESRCH) or out of fds: the next sweep tries again
        }

        // Same start time after the pidfd was opened: the pidfd is the process that was read.
        if (!_proc.TryRead(pid, out ProcessStatus s) || s.StartTime != before.StartTime || s.ParentPid != _self)
        {
            _ = Libc.Close(pidfd);
            return;
        }

        if (s.State == OsProcessState.Zombie)
        {
            // It ended by itself before a sweep saw it alive, and a zombie's environment is empty. It is
            // reaped when it was in a worker's group or in a session of its own: the runtime's Process
            // children stay in our session and are the runtime's to reap.
            if (_latestByPid.ContainsKey(s.ProcessGroup) || !InOurSession(s.Session))
            {
                _ = KilledStrays.TryReap(pidfd);
            }

            _ = Libc.Close(pidfd);
            return;
        }

        SweptLaunch? owner = Owner(pid, s.ProcessGroup);
        string how = "killed with SIGKILL after its worker ended";
        if (owner is null && IsUnmarkedOutsideOurSession(pid, s))
        {
            // No mark at all: it cleared its environment (env -i) and started a session of its own, so
            // whose it was cannot be told. Nothing else in this process makes children outside our
            // session (the runtime's Process children stay in it; another supervisor's carry its own
            // mark), so it is a worker's: ended once no worker runs (counted over every supervisor in
            // the process: the app has one, a test host many), so that it cannot be a running worker's
            // helper, and reported against the worker that ended last. Until then the guard is told,
            // so that it ends with us if we die first. (One that left only its group, not the session,
            // is left alone: it could be anybody's.)
            if (Volatile.Read(ref s_running) == 0 && _lastEnded is { } last)
            {
                owner = last;
                how = "killed with SIGKILL once no worker ran (it carried no mark: which worker left it is a guess, the last to end)";
            }
            else
            {
                TellGuard(pid, s.StartTime);
            }
        }

        if (owner is not { Ended: true })
        {
            _ = Libc.Close(pidfd); // not ours, or its worker still runs and it ends with that worker
            return;
        }

        // ESRCH: it died between the reading and now; it is a zombie of ours, reaped below like the others.
        if (Libc.PidfdSendSignal(pidfd, Signals.SIGKILL) == 0 || Libc.LastErrno == Errno.ESRCH)
        {
            _killed.Add(new KilledStray(pid, pidfd, s.StartTime, s.Name, owner, Environment.TickCount64, how));
            return;
        }

        int errno = Libc.LastErrno;
        if (_killed.FirstSurvivorReport(pid, s.StartTime))
        {
            reports.Add((owner.Events, new LeftBehindProcess(pid, s.Name, false, "it cannot be killed: " + Libc.Describe(errno))));
        }

        _ = Libc.Close(pidfd);
    }
}
