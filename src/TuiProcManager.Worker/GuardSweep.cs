namespace TuiProcManager.Worker;

/// <summary>
/// One round of the orphan guard's clean-up: stop (SIGSTOP) everything that is ours, walk down from it to
/// every descendant, marked or not, then SIGKILL the lot. See GuardMode.cs for when it runs.
/// </summary>
/// <remarks>
/// <para>
/// Why stop before killing: a process that cleared its environment (<c>env -i</c>) carries no mark, so it
/// is found only as a child of one that does. Killed first, that parent would hand it to init (PPID 1),
/// where nothing tells it apart any more. Stopped, the parent keeps it, and cannot fork behind our back:
/// once every thread of a process shows T (a fork under way when SIGSTOP arrives is restarted, not
/// finished), its list of children (/proc/PID/task/*/children) is complete and stays so. A process that
/// does not stop within <see cref="HaltWaitMs"/> (uninterruptible sleep, a vfork parent) is walked as it
/// is and killed all the same.
/// </para>
/// <para>
/// What is ours: a process whose initial environment carries the mark; one the supervisor reported (an
/// unmarked stray re-parented to it, by PID and start time); any descendant of one of those.
/// </para>
/// <para>
/// PID reuse: every process is held by a pidfd opened before it is checked (the mark read from environ,
/// the start time, or the parent read from stat), and every signal goes through that pidfd. A child's
/// PID cannot change hands while its parent is stopped (only the parent could reap it), so a child read
/// after its pidfd was opened with that parent is that parent's child.
/// </para>
/// <para>
/// File descriptors: one pidfd per process held. If they run out (a fork bomb of thousands), the round
/// kills what it holds and the next round goes on.
/// </para>
/// </remarks>
internal sealed class GuardSweep : IDisposable
{
    /// <summary>How long one level of the walk waits for its processes to stop.</summary>
    internal const int HaltWaitMs = 100;

    private readonly Dictionary<int, int> _held = []; // PID -> pidfd, each sent SIGSTOP
    private readonly List<int> _unwalked = [];
    private readonly int _self = Environment.ProcessId;
    private bool _outOfFds;

    /// <summary>One round: stops, walks and kills. Returns how many processes were sent SIGKILL.</summary>
    /// <param name="marker">The mark, <c>TUIPROC_GUARD_&lt;token&gt;=</c>.</param>
    /// <param name="reported">Unmarked strays the supervisor reported: PID to start time.</param>
    /// <param name="budget">How long the stopping may take before what is held is killed anyway.</param>
    internal static int Round(byte[] marker, IReadOnlyDictionary<int, ulong> reported, TimeSpan budget)
    {
        using GuardSweep sweep = new();
        sweep.Freeze(marker, reported, Environment.TickCount64 + (long)budget.TotalMilliseconds);
        return sweep.KillAll();
    }

    public void Dispose()
    {
        foreach (int pidfd in _held.Values)
        {
            _ = Native.Close(pidfd);
        }

        _held.Clear();
    }

    /// <summary>Stops and holds every marked or reported process and all their descendants, until a pass finds nothing new.</summary>
    private void Freeze(byte[] marker, IReadOnlyDictionary<int, ulong> reported, long deadline)
    {
        while (true)
        {
            int before = _held.Count;
            foreach (int pid in GuardProc.AllPids())
            {
                if (_outOfFds)
                {
                    return;
                }

                if (pid != _self && !_held.ContainsKey(pid))
                {
                    TryHold(pid, () => GuardProc.EnvironmentHas(pid, marker));
                }
            }

            foreach ((int pid, ulong start) in reported)
            {
                if (!_held.ContainsKey(pid) && pid != _self)
                {
                    TryHold(pid, () => GuardProc.TryReadStat(pid, out GuardProc.Stat s) && s.StartTime == start && IsLive(s));
                }
            }

            WalkDescendants(deadline);
            // Another pass: a marked process that was not yet stopped may have forked one that is not our descendant.
            if (_held.Count == before || _outOfFds || Environment.TickCount64 >= deadline)
            {
                return;
            }
        }
    }

    /// <summary>Level by level: wait for the level to stop, then hold its children.</summary>
    private void WalkDescendants(long deadline)
    {
        while (_unwalked.Count > 0 && !_outOfFds)
        {
            List<int> level = [.. _unwalked];
            _unwalked.Clear();
            WaitHalted(level, Math.Min(deadline, Environment.TickCount64 + HaltWaitMs));
            foreach (int parent in level)
            {
                foreach (int child in GuardProc.Children(parent))
                {
                    if (!_held.ContainsKey(child) && child != _self)
                    {
                        TryHold(child, () => GuardProc.TryReadStat(child, out GuardProc.Stat s) && s.ParentPid == parent && IsLive(s));
                    }
                }
            }
        }
    }

    private static void WaitHalted(List<int> pids, long until)
    {
        List<int> running = pids;
        while ((running = running.FindAll(pid => !GuardProc.IsHalted(pid))).Count > 0 && Environment.TickCount64 < until)
        {
            Thread.Sleep(1);
        }
    }

    /// <summary>Opens a pidfd, checks (after the open) that the process is ours, stops it and holds it.</summary>
    private void TryHold(int pid, Func<bool> isOurs)
    {
        int pidfd = Native.PidfdOpen(pid);
        if (pidfd < 0)
        {
            _outOfFds = Native.LastErrno == Native.EMFILE;
            return; // gone (ESRCH), or out of fds: this round kills what it holds, the next goes on
        }

        if (!isOurs() || Native.PidfdSendSignal(pidfd, Native.SIGSTOP) != 0)
        {
            _ = Native.Close(pidfd); // not ours, or gone since, or not ours to signal (EPERM)
            return;
        }

        _held[pid] = pidfd;
        _unwalked.Add(pid);
    }

    private int KillAll()
    {
        int killed = 0;
        foreach (int pidfd in _held.Values)
        {
            if (Native.PidfdSendSignal(pidfd, Native.SIGKILL) == 0)
            {
                killed++;
            }
        }

        return killed;
    }

    /// <summary>A zombie is dead already: killing it again would make the rounds go on until init reaps it.</summary>
    private static bool IsLive(GuardProc.Stat s) => s.State is not ('Z' or 'X' or 'x');
}
