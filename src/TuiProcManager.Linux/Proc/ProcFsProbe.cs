using System.Buffers.Text;
using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Proc;

/// <summary>Reads processes and CPUs from <c>/proc</c>.</summary>
/// <remarks>
/// Used by the supervisor's clock thread only (one buffer, no locking). A missing file means the process
/// is gone: every read returns false or empty rather than throwing.
/// </remarks>
internal sealed class ProcFsProbe : IProcessProbe, IDisposable
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly StatFiles _statFiles = new();
    private readonly long _ticksPerSecond;
    private readonly long _pageSize = Environment.SystemPageSize;

    public ProcFsProbe()
    {
        long ticks = Libc.Sysconf(Libc._SC_CLK_TCK);
        _ticksPerSecond = ticks > 0 ? ticks : 100;
    }

    public bool TryRead(int pid, out ProcessStatus status)
    {
        status = default;
        int length = _statFiles.Read(pid, _buffer);
        if (length == 0
            || !ProcStatParser.TryParse(_buffer.AsSpan(0, length), _ticksPerSecond, _pageSize, out status))
        {
            return false;
        }

        // /proc/[pid]/stat shows the main thread's state. A multi-threaded process (a JIT-compiled .NET
        // worker, a Python script with threads) whose main thread sleeps may still have one running.
        if (status.Threads > 1 && status.State is OsProcessState.Sleeping or OsProcessState.DiskSleep && AnyThreadRunning(pid))
        {
            status = status with { State = OsProcessState.Running };
        }

        return true;
    }

    public IReadOnlyList<int> ReadChildren(int pid, int threads)
    {
        List<int> children = [];
        if (threads == 1)
        {
            // Its one children file, without listing /proc/PID/task (an open, a stat, two getdents and a
            // close, at every state poll of every worker).
            return ReadMainThreadChildren(pid);
        }

        foreach (string task in Tasks(pid))
        {
            AddChildren(task + "/children", children);
        }

        return children;
    }

    /// <summary>The children forked by the process's main thread, or re-parented to it; empty when it is gone.</summary>
    public List<int> ReadMainThreadChildren(int pid)
    {
        List<int> children = [];
        AddChildren($"/proc/{pid}/task/{pid}/children", children);
        return children;
    }

    public void Dispose() => _statFiles.Dispose();

    public MachineCpuTimes ReadMachineCpu() =>
        TryReadFile("/proc/stat", out int length) ? MachineStatParser.Parse(_buffer.AsSpan(0, length)) : new MachineCpuTimes([]);

    private bool AnyThreadRunning(int pid)
    {
        foreach (string task in Tasks(pid))
        {
            if (TryReadFile(task + "/stat", out int length) && ProcStatParser.ParseState(_buffer.AsSpan(0, length)) == OsProcessState.Running)
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Tasks(int pid)
    {
        try
        {
            return Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The PIDs listed in one thread's children file.</summary>
    private void AddChildren(string path, List<int> children)
    {
        if (!TryReadFile(path, out int length))
        {
            return;
        }

        foreach (Range r in _buffer.AsSpan(0, length).Split((byte)' '))
        {
            if (Utf8Parser.TryParse(_buffer.AsSpan(0, length)[r], out int child, out _) && child > 0)
            {
                children.Add(child);
            }
        }
    }

    /// <summary>
    /// Reads a whole small /proc file into <see cref="_buffer"/> (at most its size: enough for the cpu lines
    /// of /proc/stat). open, pread, close: File.OpenHandle adds an fstat and takes and drops an advisory
    /// flock on every open, three more system calls for each of the files read several times a second.
    /// </summary>
    private unsafe bool TryReadFile(string path, out int length)
    {
        length = 0;
        int fd = Libc.Open(path, Libc.O_RDONLY | Libc.O_CLOEXEC);
        if (fd < 0)
        {
            return false; // gone (ENOENT, ESRCH) or not ours (EACCES)
        }

        try
        {
            fixed (byte* buffer = _buffer)
            {
                while (length < _buffer.Length)
                {
                    nint n = Libc.Pread(fd, buffer + length, _buffer.Length - length, length);
                    if (n < 0 && Libc.LastErrno == Errno.EINTR)
                    {
                        continue;
                    }

                    if (n <= 0)
                    {
                        break;
                    }

                    length += (int)n;
                }
            }

            return length > 0; // a read error (ESRCH: the process went meanwhile) ends it like the end of the file
        }
        finally
        {
            _ = Libc.Close(fd);
        }
    }
}
