using System.Diagnostics;
using Microsoft.Win32.SafeHandles;
using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Proc;

/// <summary>
/// The supervisor's probe: <see cref="ProcFsProbe"/>, except that a process that has not run since it was
/// last read is not read again: its last reading, and its list of children, are reused.
/// </summary>
/// <remarks>
/// <para>
/// Why: a session server with 10 sleeping <c>sh -c '…; sleep 3600'</c> workers polled 20 processes four times
/// a second, each a stat read and a children file (open, read, close): 90% of the idle server's CPU, most of
/// it in the kernel (this VM makes every system call dear). Whether a process has run is one read of
/// <c>/proc/PID/schedstat</c>, kept open (<see cref="RunMark"/>): the server's clock thread went from 4.85 to
/// 2.52 ms of CPU a second (30 s, the two builds side by side).
/// </para>
/// <para>
/// Why a reading stays true while the mark stands still: its state, CPU time, threads and children change
/// only by the process's own running (to sleep, stop, exit, fork, start a thread or reap a child, it must be
/// on a CPU), with these exceptions, each handled:
/// its parent (when the parent exits, the process is re-parented without running: a reading is reused only
/// while its parent's own mark stands still too, or the parent is this process or init);
/// a child the kernel reaps by itself (a parent that ignores SIGCHLD): a reused list of children is checked
/// child by child, with the reads the round makes of those children anyway, and read afresh if one is gone;
/// a wake-up not yet followed by running (state R before the task is on a CPU): seen at the next round,
/// once it has run; its resident memory (pages reclaimed under pressure): every reading is redone at least
/// every <see cref="DefaultMaxReuse"/>.
/// Only a process of one thread is reused: schedstat is its main thread's. A kernel without scheduler
/// statistics (zeros) is always read afresh, and so is everything in a round that may not reuse (pause-on-wait
/// mode, where a wake-up must be seen before the worker is on a CPU).
/// </para>
/// <para>
/// Identity: a kept schedstat descriptor belongs to the process it was opened for and fails with ESRCH once
/// that process is reaped, even if its PID is reused (see <see cref="StatFiles"/>). A parent's descriptor is
/// opened when the child is read, so it is that parent's; a list's children are those read in the round
/// the list was read.
/// </para>
/// <para>
/// Whether anything ran (<see cref="AnyRanSinceLastRead"/>): a process whose mark moved since the round
/// before read it, a new one, one gone, one without a mark; a process of several threads (whose mark is its
/// main thread's) by its CPU time or state read afresh, which misses a run shorter than a clock tick.
/// </para>
/// <para>
/// The clock thread only (as <see cref="ProcFsProbe"/>): a round is what comes after <see cref="BeginRound"/>.
/// </para>
/// </remarks>
internal sealed class UnchangedProcessProbe : IProcessProbe, IDisposable
{
    /// <summary>The longest a reading is reused (a sleeping process's resident memory may still shrink).</summary>
    public static readonly TimeSpan DefaultMaxReuse = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(5);

    private readonly TimeSpan _maxReuse;
    private readonly ProcFsProbe _proc = new();
    private readonly Dictionary<int, Entry> _entries = [];
    private readonly byte[] _buffer = new byte[128];
    private readonly int _self = Environment.ProcessId;
    private long _round = 1;
    private bool _mayReuse;
    private bool _anyRan;
    private long _lastSweep = Stopwatch.GetTimestamp();

    /// <summary>A probe that reuses a reading for at most <see cref="DefaultMaxReuse"/>.</summary>
    public UnchangedProcessProbe()
        : this(DefaultMaxReuse)
    {
    }

    /// <summary>A probe that reuses a reading for at most <paramref name="maxReuse"/> (tests: long, so that only a run counts).</summary>
    internal UnchangedProcessProbe(TimeSpan maxReuse) => _maxReuse = maxReuse;

    /// <summary>For tests: readings made afresh, and readings reused.</summary>
    internal (int Fresh, int Reused) Counts { get; private set; }

    /// <inheritdoc />
    public void BeginRound(bool mayReuse)
    {
        _round++;
        _mayReuse = mayReuse;
        _anyRan = false;
        if (Stopwatch.GetElapsedTime(_lastSweep) >= SweepEvery)
        {
            _lastSweep = Stopwatch.GetTimestamp();
            foreach ((int pid, Entry gone) in _entries.Where(e => Stopwatch.GetElapsedTime(e.Value.CheckedAt) >= SweepEvery).ToList())
            {
                Forget(pid, gone);
            }
        }
    }

    /// <inheritdoc />
    public bool TryRead(int pid, out ProcessStatus status)
    {
        Entry? entry = Check(pid);
        if (entry is { Alive: false })
        {
            Forget(pid, entry);
            entry = Check(pid); // the PID may name another process now (a new worker's)
        }

        _anyRan |= entry?.Moved ?? true; // the processes read, not the parents checked on the way

        if (entry is { Alive: true, Status: { } kept } && Reusable(entry, kept))
        {
            entry.ReusedRound = _round;
            Counts = (Counts.Fresh, Counts.Reused + 1);
            status = kept;
            return true;
        }

        Counts = (Counts.Fresh + 1, Counts.Reused);
        if (!_proc.TryRead(pid, out status))
        {
            if (entry is not null)
            {
                entry.Status = null;
            }

            return false;
        }

        if (status.Threads != 1 && entry?.Status is { } last && (last.CpuTime != status.CpuTime || last.State != status.State))
        {
            _anyRan = true; // the mark is the main thread's: another may have run
        }

        if (entry is { Alive: true })
        {
            // The mark was read before the reading: anything the process did after it moves the mark.
            entry.Status = status;
            entry.Basis = entry.Seen;
            entry.ReadAt = Stopwatch.GetTimestamp();
            entry.ReadRound = _round;
            entry.Children = null;
            entry.Parent = !Fixed(status.ParentPid) && Check(status.ParentPid) is { Alive: true } parent ? (parent, parent.Seen) : null;
        }

        return true;
    }

    /// <inheritdoc />
    public IReadOnlyList<int> ReadChildren(int pid, int threads)
    {
        if (threads != 1 || !_entries.TryGetValue(pid, out Entry? entry) || entry.CheckedRound != _round || !entry.Alive)
        {
            return _proc.ReadChildren(pid, threads);
        }

        if (entry.ReusedRound == _round && entry.Children is { } kept && StillThere(kept, entry.ChildrenRound))
        {
            return kept;
        }

        // Kept when the reading it goes with is this round's, or still true this round (a child the kernel
        // reaped by itself is the one change a list sees without its parent running).
        List<int> children = _proc.ReadMainThreadChildren(pid);
        entry.Children = entry.ReadRound == _round || entry.ReusedRound == _round ? children : null;
        entry.ChildrenRound = _round;
        return children;
    }

    /// <inheritdoc />
    public MachineCpuTimes ReadMachineCpu() => _proc.ReadMachineCpu();

    /// <inheritdoc />
    public bool AnyRanSinceLastRead => _anyRan;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Entry entry in _entries.Values)
        {
            entry.Schedstat.Dispose();
        }

        _entries.Clear();
        _proc.Dispose();
    }

    private bool Reusable(Entry entry, ProcessStatus kept) =>
        _mayReuse
        && kept.Threads == 1
        && entry.Seen.IsKnown && entry.Seen == entry.Basis
        && Stopwatch.GetElapsedTime(entry.ReadAt) < _maxReuse
        && (Fixed(kept.ParentPid) || entry.Parent is ({ } parent, RunMark then) && Check(parent) && parent.Seen == then);

    /// <summary>Whether every child of a kept list is still the process it was when the list was read.</summary>
    private bool StillThere(List<int> children, long listedRound)
    {
        foreach (int child in children)
        {
            if (Check(child) is not { Alive: true } entry || entry.OpenedRound > listedRound)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A parent that cannot change under a process: this process itself, init, the kernel.</summary>
    private bool Fixed(int parentPid) => parentPid == _self || parentPid <= 1;

    /// <summary>Reads the mark of <paramref name="pid"/> once per round, opening its descriptor the first time; null when it cannot be opened.</summary>
    private Entry? Check(int pid)
    {
        if (_entries.TryGetValue(pid, out Entry? entry))
        {
            _ = Check(entry);
            return entry;
        }

        int fd = Libc.Open($"/proc/{pid}/schedstat", Libc.O_RDONLY | Libc.O_CLOEXEC);
        if (fd < 0)
        {
            return null; // gone, not ours, or no scheduler statistics: read afresh every time
        }

        entry = new Entry(new SafeFileHandle(fd, ownsHandle: true), _round);
        _entries[pid] = entry;
        _ = Check(entry);
        return entry;
    }

    /// <summary>Reads the entry's mark once per round; false when its process is gone.</summary>
    private bool Check(Entry entry)
    {
        if (entry.CheckedRound != _round)
        {
            entry.CheckedRound = _round;
            entry.CheckedAt = Stopwatch.GetTimestamp();
            int n;
            try
            {
                n = RandomAccess.Read(entry.Schedstat, _buffer, fileOffset: 0);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                n = 0; // ESRCH: the process it was opened for has been reaped; disposed: forgotten since (a parent's)
            }

            RunMark seen = default;
            entry.Alive = n > 0 && RunMark.TryParse(_buffer.AsSpan(0, n), out seen);
            entry.Moved = !entry.Alive || !seen.IsKnown || seen != entry.Seen; // a new entry's last mark is none
            entry.Seen = seen;
        }

        return entry.Alive;
    }

    private void Forget(int pid, Entry entry)
    {
        _entries.Remove(pid);
        entry.Schedstat.Dispose();
    }

    /// <summary>What is known of one process.</summary>
    private sealed class Entry(SafeFileHandle schedstat, long openedRound)
    {
        public SafeFileHandle Schedstat { get; } = schedstat;

        public long OpenedRound { get; } = openedRound;

        public long CheckedRound { get; set; }

        public long CheckedAt { get; set; }

        public bool Alive { get; set; }

        /// <summary>The mark read this round.</summary>
        public RunMark Seen { get; set; }

        /// <summary>Whether the mark moved since the check before (or cannot tell: none, or the process is gone).</summary>
        public bool Moved { get; set; }

        /// <summary>The last reading, and the mark read just before it.</summary>
        public ProcessStatus? Status { get; set; }

        public RunMark Basis { get; set; }

        public long ReadAt { get; set; }

        public long ReadRound { get; set; }

        public long ReusedRound { get; set; }

        /// <summary>The parent when it was read (not for a <see cref="Fixed"/> one), and its mark then.</summary>
        public (Entry Entry, RunMark Mark)? Parent { get; set; }

        public List<int>? Children { get; set; }

        public long ChildrenRound { get; set; }
    }
}
