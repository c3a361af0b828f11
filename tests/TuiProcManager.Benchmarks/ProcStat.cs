using System.Diagnostics;
using System.Globalization;
using TuiProcManager.Testing;

namespace TuiProcManager.Benchmarks;

/// <summary>What /proc says about a process: CPU (utime + stime, exited threads included), memory, children, threads.</summary>
internal static class ProcStat
{
    public static readonly double TicksPerSecond = 100; // CLK_TCK on Linux x86-64 and arm64

    /// <summary>utime + stime of the whole process, in seconds (every thread, live or exited).</summary>
    public static double CpuSeconds(int pid)
    {
        string[] f = Fields(pid);
        return (long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>
    /// cutime + cstime: CPU of the children <paramref name="pid"/> has reaped (and of the children they
    /// reaped), in seconds; a child's share arrives when it is reaped.
    /// </summary>
    public static double ReapedChildrenCpuSeconds(int pid)
    {
        string[] f = Fields(pid);
        return (long.Parse(f[13], CultureInfo.InvariantCulture) + long.Parse(f[14], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>A line of /proc/PID/status in KiB (VmRSS, VmHWM), 0 when the process is gone.</summary>
    public static long StatusKib(int pid, string key)
    {
        try
        {
            string? line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public static bool IsAlive(int pid)
    {
        try
        {
            return Fields(pid)[0] is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static void Kill(int pid)
    {
        try
        {
            using Process p = Process.GetProcessById(pid);
            p.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // gone already
        }
    }

    /// <summary>Children, grandchildren… of <paramref name="pid"/>.</summary>
    public static IEnumerable<int> Descendants(int pid) => ProcessTools.Descendants(pid);

    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Per thread: name, nanoseconds on a CPU, times scheduled (/proc/PID/task/*/schedstat).</summary>
    public static Dictionary<int, (string Name, long Nanoseconds, long Runs)> Threads(int pid)
    {
        Dictionary<int, (string, long, long)> threads = [];
        foreach (string task in Directory.GetDirectories($"/proc/{pid}/task"))
        {
            try
            {
                string[] sched = File.ReadAllText(task + "/schedstat").Split(' ');
                threads[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] =
                    (File.ReadAllText(task + "/comm").Trim(), long.Parse(sched[0], CultureInfo.InvariantCulture), long.Parse(sched[2], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // the thread ended meanwhile
            }
        }

        return threads;
    }

    private static string[] Fields(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
