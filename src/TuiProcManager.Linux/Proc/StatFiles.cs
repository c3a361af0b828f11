using System.Diagnostics;
using Microsoft.Win32.SafeHandles;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Proc;

/// <summary>
/// <c>/proc/PID/stat</c> files kept open between readings and re-read with pread at offset 0.
/// </summary>
/// <remarks>
/// <para>
/// State polling reads every live worker's stat file 20 times a second. Opening it each time (path walk,
/// .NET's advisory flock, close) was most of the supervisor clock's cost: 0.47 ms per poll of 10 workers,
/// about 1% of a core while they all slept. A kept descriptor costs one pread.
/// </para>
/// <para>
/// A kept descriptor also cannot be fooled by PID reuse: it belongs to the process it was opened for, and
/// once that process is reaped every read fails with ESRCH, even if the PID now names another process.
/// The failed descriptor is closed and the next reading opens the PID afresh (the supervisor's start-time
/// check then tells the new process apart).
/// </para>
/// <para>
/// Descriptors of processes no longer asked about (ended workers, gone descendants) are closed by a sweep:
/// every few seconds (<see cref="DefaultSweepEvery"/>), whatever was not read since the previous sweep. One thread only (the
/// supervisor's clock). Descriptors are SafeFileHandles, so a Dispose racing a reading at shutdown
/// closes after the reading, never a number that has meanwhile been given to another file.
/// </para>
/// </remarks>
internal sealed class StatFiles : IDisposable
{
    internal static readonly TimeSpan DefaultSweepEvery = TimeSpan.FromSeconds(5);

    private readonly Dictionary<int, Entry> _open = [];
    private readonly TimeSpan _sweepEvery;
    private long _lastSweep = Stopwatch.GetTimestamp();

    public StatFiles(TimeSpan? sweepEvery = null) => _sweepEvery = sweepEvery ?? DefaultSweepEvery;

    /// <summary>How many descriptors are open now (for tests).</summary>
    public int OpenCount => _open.Count;

    /// <summary>Reads the stat file of <paramref name="pid"/> into <paramref name="buffer"/>; 0 when it is gone.</summary>
    public int Read(int pid, Span<byte> buffer)
    {
        SweepIfDue();
        bool fresh = false;
        if (!_open.TryGetValue(pid, out Entry? entry))
        {
            int fd = Libc.Open($"/proc/{pid}/stat", Libc.O_RDONLY | Libc.O_CLOEXEC);
            if (fd < 0)
            {
                return 0; // ENOENT: no such process (any more); EACCES: not ours to read
            }

            _open[pid] = entry = new Entry(new SafeFileHandle(fd, ownsHandle: true));
            fresh = true;
        }

        entry.Used = true;
        int n;
        try
        {
            n = RandomAccess.Read(entry.Handle, buffer, fileOffset: 0);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            n = 0; // ESRCH: the process it was opened for has been reaped
        }

        if (n > 0)
        {
            return n;
        }

        Close(pid, entry);
        return fresh ? 0 : Read(pid, buffer); // the PID may name a new process now: one fresh try
    }

    public void Dispose()
    {
        foreach (Entry entry in _open.Values)
        {
            entry.Handle.Dispose();
        }

        _open.Clear();
    }

    private void SweepIfDue()
    {
        if (Stopwatch.GetElapsedTime(_lastSweep) < _sweepEvery)
        {
            return;
        }

        _lastSweep = Stopwatch.GetTimestamp();
        foreach ((int pid, Entry entry) in _open.Where(e => !e.Value.Used).ToList())
        {
            Close(pid, entry);
        }

        foreach (Entry entry in _open.Values)
        {
            entry.Used = false;
        }
    }

    private void Close(int pid, Entry entry)
    {
        _open.Remove(pid);
        entry.Handle.Dispose();
    }

    private sealed class Entry(SafeFileHandle handle)
    {
        public SafeFileHandle Handle { get; } = handle;

        public bool Used { get; set; }
    }
}
