using System.Diagnostics;
using System.Globalization;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// One worker printing 1,000,000 lines as fast as it can (<c>seq 1 1000000</c>), taken in by the UI in a
/// real terminal (tmux, 120×40): the app's CPU seconds from start until the screen shows the worker done
/// and its last line, minus those of the same app started with <c>--cmd true</c> (start-up); wall time;
/// peak resident memory (VmHWM). During the flood, how long a key (<c>?</c>, the help) takes to show. Side
/// by side: the headless <c>tuiproc run</c> with its stdout read and thrown away (its CPU read from /proc
/// every 10 ms while it runs). Rounds interleaved, medians.
/// </summary>
internal static class FloodBenchmark
{
    private const string Flood = "seq 1 1000000";

    public static Task<int> RunAsync(string[] args)
    {
        int rounds = Args.Int(args, "--rounds", 3);
        List<double> uiCpu = [], uiWall = [], uiPeak = [], baseCpu = [], basePeak = [], keyMs = [], runCpu = [], runWall = [], runPeak = [];
        for (int round = 0; round < rounds; round++)
        {
            (double cpu, double wall, double peak, double key) = InUi([Flood], measureKey: true);
            (double cpu0, _, double peak0, _) = InUi(["true"], measureKey: false);
            (double rcpu, double rwall, double rpeak) = Headless();
            uiCpu.Add(cpu - cpu0);
            uiWall.Add(wall);
            uiPeak.Add(peak);
            baseCpu.Add(cpu0);
            basePeak.Add(peak0);
            keyMs.Add(key);
            runCpu.Add(rcpu);
            runWall.Add(rwall);
            runPeak.Add(rpeak);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}: UI {cpu - cpu0:0.00} CPU s over start-up, {wall:0.00} s wall, peak {peak:0} MiB (start-up alone {cpu0:0.00} s, {peak0:0} MiB), key {key:0} ms; run {rcpu:0.00} CPU s, {rwall:0.00} s wall, peak {rpeak:0} MiB"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"medians of {rounds}: UI {Stats.Median(uiCpu):0.00} CPU s over start-up ({Stats.Median(baseCpu):0.00} s), {Stats.Median(uiWall):0.00} s wall, peak RSS {Stats.Median(uiPeak):0} MiB (start-up alone {Stats.Median(basePeak):0} MiB); '?' shown {Stats.Median(keyMs):0} ms after the key during the flood"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"           headless run: {Stats.Median(runCpu):0.00} CPU s, {Stats.Median(runWall):0.00} s wall, peak RSS {Stats.Median(runPeak):0} MiB; UI / run CPU {Stats.Median(uiCpu) / Stats.Median(runCpu):0.00}"));
        return Task.FromResult(0);
    }

    /// <returns>CPU seconds, wall seconds and peak MiB of the app, and the key's latency in ms (NaN when not measured).</returns>
    private static (double Cpu, double Wall, double PeakMib, double KeyMs) InUi(string[] command, bool measureKey)
    {
        using TmuxSession app = TmuxSession.Tuiproc(["--cmd", string.Join(' ', command)]);
        double key = double.NaN;
        if (measureKey)
        {
            app.WaitUntil(s => s.Contains("lines", StringComparison.Ordinal) && s.Contains("running", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            long sent = Stopwatch.GetTimestamp();
            app.Keys("?");
            if (app.WaitUntil(s => s.Contains("tuiproc keys", StringComparison.Ordinal), TimeSpan.FromSeconds(30)))
            {
                key = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            }

            app.Keys("Escape");
        }

        string last = command[0] == "true" ? "" : "1000000";
        if (!app.WaitUntil(s => s.Contains("1 done", StringComparison.Ordinal) && s.Contains(last, StringComparison.Ordinal) && !s.Contains("tuiproc keys", StringComparison.Ordinal), TimeSpan.FromMinutes(5)))
        {
            Console.Error.WriteLine("the flood did not end on screen within 5 minutes:\n" + app.Screen());
        }

        double wall = Stopwatch.GetElapsedTime(app.Started).TotalSeconds;
        return (ProcStat.CpuSeconds(app.Pid), wall, ProcStat.StatusKib(app.Pid, "VmHWM") / 1024.0, key);
    }

    private static (double Cpu, double Wall, double PeakMib) Headless()
    {
        ProcessStartInfo start = new(AppUnderTest.Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "run", "--cmd", Flood })
        {
            start.ArgumentList.Add(a);
        }

        Stopwatch watch = Stopwatch.StartNew();
        using Process run = Process.Start(start)!;
        long peak = 0;
        double cpu = 0;
        Task drain = run.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        Task errors = run.StandardError.BaseStream.CopyToAsync(Stream.Null);

        // Read from /proc every 10 ms while it runs (once reaped, its times are gone): at most 10 ms short.
        while (!run.WaitForExit(10))
        {
            try
            {
                cpu = ProcStat.CpuSeconds(run.Id);
                peak = Math.Max(peak, ProcStat.StatusKib(run.Id, "VmHWM"));
            }
            catch (IOException)
            {
                break;
            }
        }

        run.WaitForExit();
        Task.WaitAll(drain, errors);
        return (cpu, watch.Elapsed.TotalSeconds, peak / 1024.0);
    }
}
