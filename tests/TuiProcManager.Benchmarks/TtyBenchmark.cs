using System.Globalization;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// What the terminal (an SSH link) and the CPU pay while workers run and while nothing happens: tuiproc and
/// mprocs 0.9.6 side by side, each in its own tmux terminal of the same size (120×35), started together,
/// running the same commands. Bytes are every byte the program wrote to its terminal (tmux pipe-pane into
/// a file) over the measured span, after a warm-up; CPU is utime + stime of the program's own process.
/// Three workloads: two workers printing 10 lines a second (<c>sh ticker.sh</c>: a shell loop, echo, then
/// <c>sleep 0.1</c>); two sleeping workers; one worker printing 1,000,000 lines (<c>seq 1 1000000</c>), measured
/// for the first 20 s after its last line is on screen. Rounds interleaved, medians, ratios. For tuiproc,
/// also the bytes sent anywhere but the CPU panel's core meters (which follow the machine's load: a change
/// there is a visible change), and its CPU summed over its threads' schedstat run time (nanoseconds: utime +
/// stime count 1/100 s ticks, 7 of them in 20 s at 0.35%; threads that exit during the span are missed).
/// </summary>
/// <remarks>mprocs runs config-free: HOME and XDG_CONFIG_HOME a temporary folder, started in it (no mprocs.yaml).</remarks>
internal static class TtyBenchmark
{
    private const int Width = 120, Height = 35;

    /// <summary>The flood's last line in an output pane (both draw a box line before it); not the command's name, "seq 1 1000000".</summary>
    private static readonly System.Text.RegularExpressions.Regex LastFloodLine = new("│ *1000000 ");

    /// <summary>A row of tuiproc's CPU panel with a core's meter.</summary>
    private static readonly System.Text.RegularExpressions.Regex Meter = new(@"[│|]cpu\d+ |[│|]\+\d+ ");

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
                Add(all, "after flood", Measure(dir.FullName, ["seq 1 1000000"], 0, afterFlood, LastFloodLine));
                Console.WriteLine($"round {round}: " + string.Join("; ", all.Select(kv => $"{kv.Key}: {kv.Value[^1]}")));
            }

            Console.WriteLine();
            Console.WriteLine("| workload | tuiproc bytes/s | of them outside the core meters | mprocs bytes/s | ratio | tuiproc CPU | tuiproc CPU by schedstat | mprocs CPU |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach ((string name, List<Figure> figures) in all)
            {
                double tb = Stats.Median(figures.Select(f => f.AppBytes)), mb = Stats.Median(figures.Select(f => f.MprocsBytes));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {Stats.MedianRange(figures.Select(f => f.AppBytes), "0")} | {Stats.MedianRange(figures.Select(f => f.AppBytesOutsideMeters), "0")} | {Stats.MedianRange(figures.Select(f => f.MprocsBytes), "0")} | {(mb > 0 ? (tb / mb).ToString("0.00", CultureInfo.InvariantCulture) : "—")} | {Stats.MedianRange(figures.Select(f => f.AppCpu), "0.00")}% | {Stats.MedianRange(figures.Select(f => f.AppSchedCpu), "0.000")}% | {Stats.MedianRange(figures.Select(f => f.MprocsCpu), "0.00")}% |"));
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
    /// Both programs running <paramref name="commands"/>, started together; from <paramref name="warmup"/> s
    /// later, or from when each shows <paramref name="waitFor"/> (each from its own moment), <paramref name="seconds"/> s
    /// of its bytes and CPU.
    /// </summary>
    private static Figure Measure(string dir, string[] commands, int warmup, int seconds, System.Text.RegularExpressions.Regex? waitFor)
    {
        using TmuxSession app = TmuxSession.Tuiproc(commands.SelectMany(c => new[] { "--cmd", c }), Width, Height);
        using TmuxSession mprocs = new(["sh", "-c", "cd \"$0\" && exec env HOME=\"$0\" XDG_CONFIG_HOME=\"$0\" \"$@\"", dir, Mprocs.Path, .. commands], Width, Height);
        TmuxSession[] both = [app, mprocs];
        string[] files = [.. both.Select(_ => Path.Combine(dir, $"{Guid.NewGuid():N}.out"))];
        long?[] started = new long?[2];
        double[] cpu0 = new double[2];
        double sched0 = 0;
        Thread.Sleep(TimeSpan.FromSeconds(warmup));
        System.Diagnostics.Stopwatch waiting = System.Diagnostics.Stopwatch.StartNew();
        while (started.Any(t => t is null))
        {
            for (int i = 0; i < 2; i++)
            {
                if (started[i] is null && (waitFor is null || waitFor.IsMatch(both[i].Screen()) || waiting.Elapsed > TimeSpan.FromMinutes(5)))
                {
                    if (waiting.Elapsed > TimeSpan.FromMinutes(5))
                    {
                        Console.Error.WriteLine($"'{waitFor}' not on screen within 5 minutes:\n{both[i].Screen()}");
                    }

                    File.WriteAllBytes(files[i], []);
                    both[i].PipeOutputTo(files[i]);
                    cpu0[i] = ProcStat.CpuSeconds(both[i].Pid);
                    sched0 = i == 0 ? RunSeconds(both[0].Pid) : sched0;
                    started[i] = System.Diagnostics.Stopwatch.GetTimestamp();
                }
            }

            Thread.Sleep(10);
        }

        double[] bytes = new double[2], cpu = new double[2];
        double sched = 0;
        string appScreen = "";
        foreach (int i in Enumerable.Range(0, 2).OrderBy(i => started[i]))
        {
            TimeSpan left = TimeSpan.FromSeconds(seconds) - System.Diagnostics.Stopwatch.GetElapsedTime(started[i]!.Value);
            if (left > TimeSpan.Zero)
            {
                Thread.Sleep(left);
            }

            cpu[i] = (ProcStat.CpuSeconds(both[i].Pid) - cpu0[i]) / seconds * 100;
            sched = i == 0 ? (RunSeconds(both[0].Pid) - sched0) / seconds * 100 : sched;
            both[i].StopPipe();
            appScreen = i == 0 ? both[0].Screen() : appScreen;
        }

        Thread.Sleep(300); // the pipes' cat writes what it still holds
        double outside = TerminalRows.BytesOutside(File.ReadAllBytes(files[0]), TerminalRows.Matching(appScreen, Meter)) / (double)seconds;
        for (int i = 0; i < 2; i++)
        {
            bytes[i] = new FileInfo(files[i]).Length / (double)seconds;
            File.Delete(files[i]);
        }

        return new Figure(bytes[0], bytes[1], cpu[0], cpu[1], outside, sched);
    }

    /// <summary>Run time of the process's live threads (/proc/PID/task/*/schedstat), in seconds.</summary>
    private static double RunSeconds(int pid) =>
        Directory.GetDirectories($"/proc/{pid}/task").Sum(task =>
        {
            try
            {
                return long.Parse(File.ReadAllText(task + "/schedstat").Split(' ')[0], CultureInfo.InvariantCulture) / 1e9;
            }
            catch (IOException)
            {
                return 0; // the thread ended meanwhile
            }
        });

    private sealed record Figure(double AppBytes, double MprocsBytes, double AppCpu, double MprocsCpu, double AppBytesOutsideMeters, double AppSchedCpu)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"tuiproc {AppBytes:0} B/s ({AppBytesOutsideMeters:0} outside the meters) {AppCpu:0.00}% ({AppSchedCpu:0.000}% by schedstat), mprocs {MprocsBytes:0} B/s {MprocsCpu:0.00}%");
    }
}
