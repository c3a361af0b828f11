using System.Globalization;
using System.Text;

namespace TuiProcManager.Benchmarks;

/// <summary>What the <see cref="SoakTest"/> reads for itself: the processes in /proc (ours wherever they went), and memory.</summary>
internal static class SoakProbes
{
    /// <summary>The <c>TUIPROC_GUARD_token=</c> prefix in a worker's environment, if it can be read.</summary>
    public static string? GuardMark(int pid)
    {
        try
        {
            foreach (string entry in File.ReadAllText($"/proc/{pid}/environ").Split('\0'))
            {
                if (entry.StartsWith("TUIPROC_GUARD_", StringComparison.Ordinal) && entry.IndexOf('=', StringComparison.Ordinal) is > 0 and int eq)
                {
                    return entry[..(eq + 1)];
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>Every process on the machine carrying <paramref name="mark"/>: ours, wherever it went.</summary>
    public static IEnumerable<int> Marked(string mark)
    {
        byte[] needle = Encoding.ASCII.GetBytes(mark);
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            byte[] environ;
            try
            {
                environ = File.ReadAllBytes(dir + "/environ");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (environ.AsSpan().IndexOf(needle) >= 0 && ProcState(pid) is not (null or 'Z'))
            {
                yield return pid;
            }
        }
    }

    private static char? ProcState(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2];
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>A process as /proc tells it: its name, state, parent, group and session.</summary>
    public static string Describe(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return $"{pid} ({File.ReadAllText($"/proc/{pid}/comm").Trim()}, state {f[0]}, parent {f[1]}, group {f[2]}, session {f[3]})";
        }
        catch (IOException)
        {
            return $"{pid} (gone)";
        }
    }

    /// <summary>The managed heap after full collections, in bytes.</summary>
    public static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>This process's resident memory (VmRSS), in MiB.</summary>
    public static double RssMiB()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return 0;
    }
}
