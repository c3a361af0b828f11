using System.Globalization;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// Resident memory (VmRSS) of the UI with 10 and with 200 workers asleep, in a real terminal (tmux,
/// 120×40), after every worker shows as waiting and 10 s more; the workers' own memory separately.
/// With <c>--gc</c>: the UI after a flood under each of several GC settings (<see cref="GcSettings"/>).
/// </summary>
internal static partial class MemoryBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--gc"))
        {
            return Task.FromResult(GcSettings(Args.Int(args, "--rounds", 2)));
        }

        foreach (int count in new[] { 10, 200 })
        {
            string[] specs = [.. Enumerable.Range(1, count).Select(i => $"square:{i}")];
            using TmuxSession app = TmuxSession.Tuiproc(["--steps", "1", "--work-ms", "0", "--wait-ms", "600000", .. specs]);
            if (!app.WaitUntil(s => s.Contains($"{count} waiting", StringComparison.Ordinal), TimeSpan.FromMinutes(2)))
            {
                Console.Error.WriteLine($"not all {count} workers shown waiting:\n" + app.Screen());
                return Task.FromResult(1);
            }

            Thread.Sleep(TimeSpan.FromSeconds(10));
            long appKib = ProcStat.StatusKib(app.Pid, "VmRSS"), peakKib = ProcStat.StatusKib(app.Pid, "VmHWM");
            int[] children = [.. ProcStat.Descendants(app.Pid)];
            int[] workers = [.. children.Where(pid => !ProcStat.CommandLine(pid).Contains("--guard", StringComparison.Ordinal) && !IsForkServer(pid))];
            long workersKib = workers.Sum(pid => ProcStat.StatusKib(pid, "VmRSS"));
            long helpersKib = children.Except(workers).Sum(pid => ProcStat.StatusKib(pid, "VmRSS"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{count} workers: tuiproc {appKib / 1024.0:0.0} MiB resident (peak {peakKib / 1024.0:0.0}); workers {workersKib / 1024.0:0.0} MiB together ({(workers.Length > 0 ? workersKib / 1024.0 / workers.Length : 0):0.00} each, {workers.Length} found); fork server and guard {helpersKib / 1024.0:0.0} MiB"));
        }

        return Task.FromResult(0);
    }

    /// <summary>The fork server: the process its clones' command line comes from, and the only one of them with two threads.</summary>
    private static bool IsForkServer(int pid) =>
        ProcStat.CommandLine(pid).Contains("--fork-server", StringComparison.Ordinal)
        && File.ReadAllText($"/proc/{pid}/status").Contains("Threads:\t2", StringComparison.Ordinal);
}
