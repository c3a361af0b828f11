using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Tests.TestSupport;

/// <summary>What /proc says about a PID, read directly (not through the code under test).</summary>
internal static partial class ProcessTable
{
    /// <summary>SIGKILL, as from outside.</summary>
    public static void Kill(int pid) => Assert.Equal(0, SendSignal(pid, 9));

    /// <summary>Any signal, as from outside (<c>kill -SEGV</c>).</summary>
    public static void Signal(int pid, int signal) => Assert.Equal(0, SendSignal(pid, signal));

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSignal(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();

    /// <summary>Whether the tests run as root (some force what only root may, e.g. the next PID).</summary>
    public static bool IsRoot => GetEuid() == 0;

    /// <summary>The fields after the command name in /proc/PID/stat (field 3, the state, first); null when there is no such PID.</summary>
    public static string[]? StatFields(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Parent PID; null when there is no such PID.</summary>
    public static int? ParentPid(int pid) => StatFields(pid) is { } f ? int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Session ID (field 6 of /proc/PID/stat); null when there is no such PID.</summary>
    public static int? Session(int pid) => StatFields(pid) is { } f ? int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Start time (clock ticks since boot): with the PID, it names one process; null when there is no such PID.</summary>
    public static ulong? StartTime(int pid) => StatFields(pid) is { } f ? ulong.Parse(f[19], System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>True once the process that had <paramref name="pid"/> and <paramref name="startTime"/> is gone, zombie included (reaped).</summary>
    public static bool IsReaped(int pid, ulong startTime) => StartTime(pid) != startTime;

    /// <summary>True while the process exists and has not ended (a zombie has ended).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            char state = stat[stat.LastIndexOf(')') + 2];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static char State(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[stat.LastIndexOf(')') + 2];
    }

    /// <summary>utime + stime, in clock ticks.</summary>
    public static long CpuTicks(int pid)
    {
        string[] fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Process IDs whose initial environment has an entry that starts with <paramref name="prefix"/> (say, KEY=).</summary>
    public static int[] WithEnvironmentStarting(string prefix)
    {
        List<int> found = [];
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out int pid) && IsAlive(pid))
            {
                try
                {
                    if (File.ReadAllText(dir + "/environ").Split('\0').Any(e => e.StartsWith(prefix, StringComparison.Ordinal)))
                    {
                        found.Add(pid);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
        }

        return [.. found];
    }
}
