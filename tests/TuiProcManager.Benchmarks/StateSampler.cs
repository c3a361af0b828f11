using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Win32.SafeHandles;
using TuiProcManager.Benchmarks.Interop;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// An independent witness of the scheduler: a thread of its own (named <see cref="ThreadName"/>, so that
/// CPU accounting can leave it out) reading /proc/PID/stat of every worker it was given, every
/// <c>interval</c>, and recording how many were in state R (running or runnable) at each sample.
/// </summary>
/// <remarks>
/// Each stat file is opened once and re-read with pread, as the supervisor does: a sample of four workers
/// costs a few tens of microseconds. A worker that has been reaped reads as an error and counts as not
/// running; so does a stopped (T) or sleeping (S) one.
/// </remarks>
internal sealed class StateSampler : IDisposable
{
    public const string ThreadName = "bench-sampler";

    private readonly ConcurrentQueue<int> _added = new();
    private readonly List<SafeFileHandle> _files = [];
    private readonly List<(long At, int Running)> _samples = [];
    private readonly Thread _thread;
    private readonly TimeSpan _interval;
    private volatile bool _stop;

    public StateSampler(TimeSpan interval)
    {
        _interval = interval;
        _thread = new Thread(Run) { Name = ThreadName, IsBackground = true };
        _thread.Start();
    }

    /// <summary>Watches one more worker from the next sample on.</summary>
    public void Add(int pid) => _added.Enqueue(pid);

    /// <summary>Stops sampling; the samples, in order (valid once this returns).</summary>
    public IReadOnlyList<(long At, int Running)> Stop()
    {
        _stop = true;
        _thread.Join();
        return _samples;
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        foreach (SafeFileHandle f in _files)
        {
            f.Dispose();
        }
    }

    private void Run()
    {
        byte[] buffer = new byte[512];
        Timespec pause = Timespec.From(_interval);
        while (!_stop)
        {
            while (_added.TryDequeue(out int pid))
            {
                _files.Add(File.OpenHandle($"/proc/{pid}/stat"));
            }

            int running = 0;
            foreach (SafeFileHandle f in _files)
            {
                running += State(f, buffer) == 'R' ? 1 : 0;
            }

            _samples.Add((Stopwatch.GetTimestamp(), running));
            _ = Libc.Nanosleep(pause, 0);
        }
    }

    private static char State(SafeFileHandle file, byte[] buffer)
    {
        int n;
        try
        {
            n = RandomAccess.Read(file, buffer, 0);
        }
        catch (IOException)
        {
            return 'X'; // reaped
        }

        int paren = Array.LastIndexOf(buffer, (byte)')', Math.Max(0, n - 1));
        return paren >= 0 && paren + 2 < n ? (char)buffer[paren + 2] : '?';
    }
}
