using System.Buffers.Text;

namespace TuiProcManager.Worker;

/// <summary>What the orphan guard reads of a process in /proc: <c>stat</c>, <c>environ</c>, its children.</summary>
/// <remarks>Every read returns false or nothing when the process is gone or not ours to read.</remarks>
internal static class GuardProc
{
    /// <summary>The fields of /proc/PID/stat the guard needs.</summary>
    /// <param name="State">Field 3: R, S, D, T (stopped), t (traced), Z (zombie), X (dead)…</param>
    /// <param name="ParentPid">Field 4.</param>
    /// <param name="Threads">Field 20.</param>
    /// <param name="StartTime">Field 22, clock ticks after boot: with the PID, names one process for the machine's uptime.</param>
    internal readonly record struct Stat(char State, int ParentPid, int Threads, ulong StartTime);

    internal static bool TryReadStat(int pid, out Stat stat) => TryReadStat($"/proc/{pid}/stat", out stat);

    /// <summary>Parses a stat file (of a process or of one of its threads).</summary>
    internal static bool TryReadStat(string path, out Stat stat)
    {
        stat = default;
        byte[] text;
        try
        {
            text = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        // The name (field 2) is in parentheses and may itself hold ") ": the fields resume after the last ')'.
        int close = text.AsSpan().LastIndexOf((byte)')');
        if (close < 0 || close + 2 >= text.Length)
        {
            return false;
        }

        ReadOnlySpan<byte> rest = text.AsSpan(close + 2);
        char state = (char)rest[0];
        int ppid = 0, threads = 0;
        ulong start = 0;
        int field = 3;
        foreach (Range r in rest.Split((byte)' '))
        {
            ReadOnlySpan<byte> value = rest[r];
            bool ok = field switch
            {
                4 => Utf8Parser.TryParse(value, out ppid, out _),
                20 => Utf8Parser.TryParse(value, out threads, out _),
                22 => Utf8Parser.TryParse(value, out start, out _),
                _ => true,
            };
            if (!ok)
            {
                return false;
            }

            if (++field > 22)
            {
                stat = new Stat(state, ppid, threads, start);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the process has stopped running for good or for now: stopped, traced, a zombie or dead,
    /// every thread of it (a multi-threaded process is stopped only once all its threads are).
    /// </summary>
    internal static bool IsHalted(int pid)
    {
        if (!TryReadStat(pid, out Stat s))
        {
            return true; // gone
        }

        if (s.Threads <= 1)
        {
            return Halted(s.State);
        }

        foreach (string task in Tasks(pid))
        {
            if (TryReadStat(task + "/stat", out Stat t) && !Halted(t.State))
            {
                return false;
            }
        }

        return true;

        static bool Halted(char state) => state is 'T' or 't' or 'Z' or 'X' or 'x';
    }

    /// <summary>The direct children of every thread of <paramref name="pid"/>.</summary>
    internal static List<int> Children(int pid)
    {
        List<int> children = [];
        foreach (string task in Tasks(pid))
        {
            byte[] text;
            try
            {
                text = File.ReadAllBytes(task + "/children");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (Range r in text.AsSpan().Split((byte)' '))
            {
                if (Utf8Parser.TryParse(text.AsSpan()[r], out int child, out _) && child > 0)
                {
                    children.Add(child);
                }
            }
        }

        return children;
    }

    /// <summary>Whether the process's initial environment (/proc/PID/environ) has an entry starting with <paramref name="marker"/>.</summary>
    internal static bool EnvironmentHas(int pid, ReadOnlySpan<byte> marker)
    {
        byte[] environ;
        try
        {
            environ = File.ReadAllBytes($"/proc/{pid}/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // gone, a kernel thread, or another user's: not ours either way
        }

        foreach (Range r in environ.AsSpan().Split((byte)0))
        {
            if (environ.AsSpan()[r].StartsWith(marker))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every PID in /proc.</summary>
    internal static IEnumerable<int> AllPids()
    {
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir.AsSpan()), out int pid))
            {
                yield return pid;
            }
        }
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
}
