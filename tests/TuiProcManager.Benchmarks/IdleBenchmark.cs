using System.Globalization;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// What tuiproc costs while nothing happens: the UI in a real terminal (tmux, 120×40) with 10 workers that
/// sleep, nobody typing. Side by side in the same time window: a bare, stock Terminal.Gui 2.5.0 window
/// (this program's hidden <c>bare-window</c> mode) in a terminal of its own. CPU is utime + stime from
/// /proc/PID/stat over the measured span, after a warm-up (the JIT keeps compiling for about 40 s).
/// </summary>
internal static class IdleBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        int warmup = Args.Int(args, "--warmup", 60), seconds = Args.Int(args, "--seconds", 30);
        string[] workers = [.. Enumerable.Range(1, 5).Select(i => $"square:{i}"), .. Enumerable.Range(1, 5).Select(i => $"cube:{i}")];
        using TmuxSession app = TmuxSession.Tuiproc(["--steps", "1", "--work-ms", "0", "--wait-ms", "600000", .. workers]);
        using TmuxSession bare = new([TmuxSession.Dotnet, Path.Combine(AppContext.BaseDirectory, "TuiProcManager.Benchmarks.dll"), "bare-window"]);
        if (!app.WaitUntil(s => s.Contains("10 waiting", StringComparison.Ordinal), TimeSpan.FromSeconds(30)))
        {
            Console.Error.WriteLine("tuiproc did not show 10 waiting workers:\n" + app.Screen());
            return Task.FromResult(1);
        }

        Console.WriteLine($"warm-up {warmup} s, then {seconds} s measured; 10 workers asleep; 120x40; both at once");
        Thread.Sleep(TimeSpan.FromSeconds(warmup));
        int[] helpers = [.. ProcStat.Descendants(app.Pid)];
        double app0 = ProcStat.CpuSeconds(app.Pid), bare0 = ProcStat.CpuSeconds(bare.Pid);
        double helpers0 = helpers.Sum(ProcStat.CpuSeconds);
        var threads0 = ProcStat.Threads(app.Pid);
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        double appCpu = ProcStat.CpuSeconds(app.Pid) - app0, bareCpu = ProcStat.CpuSeconds(bare.Pid) - bare0;
        double helpersCpu = helpers.Sum(ProcStat.CpuSeconds) - helpers0;
        var threads1 = ProcStat.Threads(app.Pid);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tuiproc, 10 waiting workers: {appCpu / seconds * 100:0.00}% of a core"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bare Terminal.Gui 2.5.0 window: {bareCpu / seconds * 100:0.00}% of a core"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio tuiproc / bare window: {(bareCpu > 0 ? appCpu / bareCpu : double.NaN):0.00}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tuiproc's {helpers.Length} child processes (10 workers, fork server, orphan guard): {helpersCpu / seconds * 100:0.00}% of a core together"));
        Console.WriteLine("tuiproc per thread (schedstat):");
        foreach ((int tid, (string name, long ns, long runs)) in threads1.OrderByDescending(t => t.Value.Nanoseconds - threads0.GetValueOrDefault(t.Key).Nanoseconds))
        {
            (_, long ns0, long runs0) = threads0.GetValueOrDefault(tid);
            double ms = (ns - ns0) / 1e6 / seconds;
            if (ms >= 0.01)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-16} {ms,6:0.00} ms/s  {(runs - runs0) / (double)seconds,6:0.0} wake-ups/s"));
            }
        }

        return Task.FromResult(0);
    }

    /// <summary>The comparison: a stock Terminal.Gui window with a label, nothing else.</summary>
    public static Task<int> BareWindowAsync()
    {
        using IApplication app = Application.Create();
        app.Init();
        using Runnable top = new() { Width = Dim.Fill(), Height = Dim.Fill() };
        top.Add(new Label { Text = "a bare Terminal.Gui 2.5.0 window", X = 1, Y = 1 });
        app.Run(top);
        return Task.FromResult(0);
    }
}
