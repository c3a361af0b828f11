using System.Diagnostics;
using System.Globalization;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// The app end to end: <c>tuiproc run ARGS</c> (the apphost beside the benchmarks) timed from
/// Process.Start to its exit, its output read in full and checked. Its CPU (user + system, with the
/// workers it reaped) is read from this process's cutime + cstime, which it joins when we reap it: less
/// at the mercy of other processes on the machine than the wall time. Nothing else of ours may end meanwhile.
/// </summary>
internal static class TuiprocRun
{
    /// <summary>The app under test (<see cref="AppUnderTest"/>).</summary>
    public static string App => AppUnderTest.Path;

    /// <summary><c>tuiproc run --pool SIZE square:1..COUNT</c>; throws unless it printed every result, in order, then Done!.</summary>
    public static (double WallMs, double CpuMs) Pool(int size, int count)
    {
        (double wall, double cpu, string[] lines) = Run("run", "--pool", size.ToString(CultureInfo.InvariantCulture), $"square:1..{count}");
        string[] expected = [.. Enumerable.Range(1, count).Select(n => string.Create(CultureInfo.InvariantCulture, $"square({n}) = {(long)n * n}")), "Done!"];
        return lines.SequenceEqual(expected) ? (wall, cpu)
            : throw new InvalidOperationException($"tuiproc run --pool printed {lines.Length} lines, not the {expected.Length} expected (first: {lines.FirstOrDefault()})");
    }

    /// <summary><c>tuiproc run square:1</c>, the start-up baseline; throws unless it printed Square: 1 and Done!.</summary>
    public static (double WallMs, double CpuMs) Single()
    {
        (double wall, double cpu, string[] lines) = Run("run", "square:1");
        return lines.SequenceEqual(["Square: 1", "Done!"]) ? (wall, cpu)
            : throw new InvalidOperationException($"tuiproc run square:1 printed: {string.Join(" | ", lines)}");
    }

    private static (double WallMs, double CpuMs, string[] Lines) Run(params string[] args)
    {
        ProcessStartInfo start = new(App) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        double cpu = ProcStat.ReapedChildrenCpuSeconds(Environment.ProcessId);
        long t = Stopwatch.GetTimestamp();
        using Process p = Process.Start(start)!;
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        double ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        cpu = (ProcStat.ReapedChildrenCpuSeconds(Environment.ProcessId) - cpu) * 1000;
        return p.ExitCode == 0 ? (ms, cpu, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            : throw new InvalidOperationException($"tuiproc {string.Join(' ', args)} exited {p.ExitCode}: {stderr.Result.Trim()}");
    }
}
