using System.Diagnostics;
using System.Globalization;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// The app end to end: <c>tuiproc run ARGS</c> (<see cref="AppUnderTest"/>) timed from Process.Start to
/// its exit, its output read in full and checked (<see cref="TimedRun"/>). Its CPU (user + system, with
/// the workers it reaped) is less at the mercy of other processes on the machine than the wall time.
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
        TimedRun run = TimedRun.Of(App, args);
        return run.ExitCode == 0 ? (run.WallMs, run.CpuMs, run.Lines)
            : throw new InvalidOperationException($"tuiproc {string.Join(' ', args)} exited {run.ExitCode}: {run.Errors.Trim()}");
    }
}
