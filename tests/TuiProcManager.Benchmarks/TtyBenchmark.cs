using System.Globalization;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// What the terminal (an SSH link) and the CPU pay while workers run and while nothing happens: tuiproc and
/// mprocs 0.9.6 side by side, each in its own tmux terminal of the same size (120×35), started together,
/// running the same commands. Bytes are every byte the program wrote to its terminal (tmux pipe-pane into
/// a file) over the measured span, after a warm-up; CPU is utime + stime of the program's own process.
/// Three workloads: two workers printing 10 lines a second (<c>sh ticker.sh</c>: a shell loop, echo, then
/// <c>sleep 0.1</c>); two sleeping workers; one worker printing 1,000,000 lines (<c>seq 1 1000000</c>), measured
/// for the first 20 s after its last line is on screen. Rounds interleaved, medians, ratios.
/// </summary>
/// <remarks>mprocs runs config-free: HOME and XDG_CONFIG_HOME a temporary folder, started in it (no mprocs.yaml).</remarks>
internal static class TtyBenchmark
{
    private const int Width = 120, Height = 35;

    public static Task<int> RunAsync(string[] args)
    {
        int rounds = Args.Int(args, "--rounds", 3), seconds = Args.Int(args, "--seconds", 20), warmup = Args.Int(args, "--warmup", 15);
        int afterFlood = Args.Int(args, "--after-flood", 20);
        DirectoryInfo dir = Directory.CreateTempSubdirectory("tuiproc-tty-");
        try
        {
            string ticker = Path.Combine(dir.FullName, "ticker.sh"), sleeper = Path.Combine(dir.FullName, "sleeper.sh");
            File.WriteAllText(ticker, "i=0\nwhile :; do i=$((i+1)); echo \"line $i: the worker is printing ten lines a second\"; sleep 0.1; done\n");
            File.WriteAllText(sleeper, "exec sleep 100000\n");
            Console.WriteLine($"tuiproc: {AppUnderTest.Path}\nmprocs {Mprocs.Version}: {Mprocs.Path}");
            Console.WriteLine($"{Width}x{Height}; {rounds} rounds; warm-up {warmup} s, {seconds} s measured; after the flood {afterFlood} s");
            Dictionary<string, List<Figure>> all = [];
            for (int round = 1; round <= rounds; round++)
            {
                Add(all, "10 lines/s", Measure(dir.FullName, ["sh " + ticker, "sh " + ticker], warmup, seconds, null));
                Add(all, "sleeping", Measure(dir.FullName, ["sh " + sleeper, "sh " + sleeper], warmup, seconds, null));
                Add(all, "after flood", Measure(dir.FullName, ["seq 1 1000000"], 0, afterFlood, "1000000"));
                Console.WriteLine($"round {round}: " + string.Join("; ", all.Select(kv => $"{kv.Key}: {kv.Value[^1]}")));
            }

            Console.WriteLine();
            Console.WriteLine("| workload | tuiproc bytes/s | mprocs bytes/s | ratio | tuiproc CPU | mprocs CPU |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach ((string name, List<Figure> figures) in all)
            {
                double tb = Stats.Median(figures.Select(f => f.AppBytes)), mb = Stats.Median(figures.Select(f => f.MprocsBytes));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {Stats.MedianRange(figures.Select(f => f.AppBytes), "0")} | {Stats.MedianRange(figures.Select(f => f.MprocsBytes), "0")} | {(mb > 0 ? (tb / mb).ToString("0.00", CultureInfo.InvariantCulture) : "—")} | {Stats.MedianRange(figures.Select(f => f.AppCpu), "0.00")}% | {Stats.MedianRange(figures.Select(f => f.MprocsCpu), "0.00")}% |"));
            }

            return Task.FromResult(0);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void Add(Dictionary<string, List<Figure>> all, string name, Figure f)
    {
        if (!all.TryGetValue(name, out List<Figure>? list))
        {
            all[name] = list = [];
        }

        list.Add(f);
    }

    /// <summary>
    /// Both programs running <paramref name="commands"/>, started together; once <paramref name="waitFor"/> is on
    /// both screens (if given) and after <paramref name="warmup"/> s, <paramref name="seconds"/> s of their bytes and CPU.
    /// </summary>
    private static Figure Measure(string dir, string[] commands, int warmup, int seconds, string? waitFor)
    {
        using TmuxSession app = TmuxSession.Tuiproc(commands.SelectMany(c => new[] { "--cmd", c }), Width, Height);
        using TmuxSession mprocs = new(["sh", "-c", "cd \"$0\" && exec env HOME=\"$0\" XDG_CONFIG_HOME=\"$0\" \"$@\"", dir, Mprocs.Path, .. commands], Width, Height);
        if (waitFor is not null)
        {
            foreach (TmuxSession s in new[] { app, mprocs })
            {
                if (!s.WaitUntil(screen => screen.Contains(waitFor, StringComparison.Ordinal), TimeSpan.FromMinutes(5)))
                {
                    Console.Error.WriteLine($"'{waitFor}' not on screen within 5 minutes:\n{s.Screen()}");
                }
            }
        }

        Thread.Sleep(TimeSpan.FromSeconds(warmup));
        string appFile = Path.Combine(dir, $"app-{Guid.NewGuid():N}.out"), mprocsFile = Path.Combine(dir, $"mprocs-{Guid.NewGuid():N}.out");
        File.WriteAllBytes(appFile, []);
        File.WriteAllBytes(mprocsFile, []);
        app.PipeOutputTo(appFile);
        mprocs.PipeOutputTo(mprocsFile);
        double app0 = ProcStat.CpuSeconds(app.Pid), mprocs0 = ProcStat.CpuSeconds(mprocs.Pid);
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        double appCpu = ProcStat.CpuSeconds(app.Pid) - app0, mprocsCpu = ProcStat.CpuSeconds(mprocs.Pid) - mprocs0;
        app.StopPipe();
        mprocs.StopPipe();
        Thread.Sleep(300); // the pipes' cat writes what it still holds
        long appBytes = new FileInfo(appFile).Length, mprocsBytes = new FileInfo(mprocsFile).Length;
        File.Delete(appFile);
        File.Delete(mprocsFile);
        return new Figure(appBytes / (double)seconds, mprocsBytes / (double)seconds, appCpu / seconds * 100, mprocsCpu / seconds * 100);
    }

    private sealed record Figure(double AppBytes, double MprocsBytes, double AppCpu, double MprocsCpu)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"tuiproc {AppBytes:0} B/s {AppCpu:0.00}%, mprocs {MprocsBytes:0} B/s {MprocsCpu:0.00}%");
    }
}
