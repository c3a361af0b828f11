using System.Diagnostics;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// A program run to its end, its output read in full: the wall time from Process.Start to its exit, and
/// the CPU (user + system) it and the children it reaped used, which this process gains when it reaps it
/// (getrusage RUSAGE_CHILDREN, in microseconds). Nothing else of ours may end meanwhile.
/// </summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Lines">Its standard output, by line, empty lines left out.</param>
/// <param name="Errors">Its standard error.</param>
/// <param name="WallMs">Start to exit, in milliseconds.</param>
/// <param name="CpuMs">Its CPU and its reaped children's, in milliseconds.</param>
internal sealed record TimedRun(int ExitCode, string[] Lines, string Errors, double WallMs, double CpuMs)
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/>; <paramref name="configure"/> may change its start (its environment).</summary>
    public static TimedRun Of(string program, IEnumerable<string> arguments, Action<ProcessStartInfo>? configure = null)
    {
        ProcessStartInfo start = new(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        configure?.Invoke(start);
        double cpu = Interop.Libc.ReapedChildrenCpuSeconds();
        long t = Stopwatch.GetTimestamp();
        using Process p = Process.Start(start)!;
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        double ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        cpu = (Interop.Libc.ReapedChildrenCpuSeconds() - cpu) * 1000;
        return new TimedRun(p.ExitCode, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), stderr.Result, ms, cpu);
    }
}
