using System.Diagnostics;
using System.Globalization;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// A worker printing 1,000,000 lines as fast as it can (<c>seq 1 1000000</c>) beside a second one asleep
/// (<c>sleep 600</c>), taken in by tuiproc's UI and by mprocs 0.9.6, each in a real terminal (tmux,
/// 160×45) of its own, one after the other in every round. For each: CPU seconds (utime + stime of the
/// program) from start until the screen shows the flood's last line and its process has ended (tuiproc
/// also shows it done; mprocs 0.9.6 did not always redraw its status, see <see cref="MprocsDone"/>), minus those of
/// the same program started with <c>true</c> instead of the flood (start-up and the sleeper); wall time;
/// resident memory (VmRSS) a few seconds after the flood, and its peak (VmHWM). Also: how long a key
/// (<c>?</c>, the help) takes to show during the flood (a session of its own, so that drawing the help is
/// not charged to the comparison); the headless <c>tuiproc run</c> with its stdout thrown away. Rounds
/// interleaved, medians, ratios to mprocs.
/// </summary>
/// <remarks>
/// <c>--env NAME=VALUE</c> (repeatable) runs tuiproc with a runtime setting (e.g. <c>DOTNET_GCgen0size</c>)
/// in every session; <c>--settle S</c> is how long after the flood the resident memory is read (default 5).
/// </remarks>
internal static class FloodBenchmark
{
    private const string Flood = "seq 1 1000000";
    private const string Sleeper = "sleep 600";
    private const int Width = 160, Height = 45;

    public static Task<int> RunAsync(string[] args)
    {
        int rounds = Args.Int(args, "--rounds", 3);
        int settle = Args.Int(args, "--settle", 5);
        string[] env = [.. args.Select((a, i) => (a, i)).Where(p => p.a == "--env" && p.i + 1 < args.Length).Select(p => args[p.i + 1])];
        Console.WriteLine($"flood: {Flood} beside {Sleeper}, {Width}x{Height}, {rounds} rounds; tuiproc {AppUnderTest.Path}{(env.Length > 0 ? " with " + string.Join(' ', env) : "")}; mprocs {Mprocs.Version} {Mprocs.Path}");
        Side ours = new("tuiproc UI", c => TmuxSession.Tuiproc(["--cmd", c, "--cmd", Sleeper], Width, Height, env), TuiprocDone);
        Side theirs = new($"mprocs {Mprocs.Version}", c => new TmuxSession([Mprocs.Path, c, Sleeper], Width, Height), MprocsDone);
        List<double> keyMs = [], runCpu = [], runWall = [], runPeak = [];
        for (int round = 0; round < rounds; round++)
        {
            ours.Measure(settle);
            theirs.Measure(settle);
            keyMs.Add(KeyDuringFlood(env));
            (double rcpu, double rwall, double rpeak) = Headless(env);
            runCpu.Add(rcpu);
            runWall.Add(rwall);
            runPeak.Add(rpeak);
            Console.WriteLine($"round {round + 1}: {ours.Last()}; {theirs.Last()}; key {keyMs[^1]:0} ms; run {rcpu:0.00} CPU s");
        }

        Console.WriteLine();
        Console.WriteLine($"| {Flood}, {Width}x{Height}, medians of {rounds} | CPU s over start-up | start-up CPU s | wall s | resident {settle} s after | peak resident | start-up alone, resident | CPU / mprocs |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        ours.Row(theirs);
        theirs.Row(theirs);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tuiproc: '?' shown {Stats.MedianRange(keyMs, "0")} ms after the key during the flood; headless run: {Stats.Median(runCpu):0.00} CPU s, {Stats.Median(runWall):0.00} s wall, peak RSS {Stats.Median(runPeak):0} MiB; UI / run CPU {Stats.Median(ours.Cpu) / Stats.Median(runCpu):0.00}"));
        return Task.FromResult(0);
    }

    /// <summary>tuiproc's header counts the flood's worker done; its output panel shows the selected (first) worker's last line.</summary>
    private static bool TuiprocDone(string screen, bool flood) =>
        screen.Contains("1 done", StringComparison.Ordinal) && (!flood || screen.Contains("1000000", StringComparison.Ordinal))
        && !screen.Contains("tuiproc keys", StringComparison.Ordinal);

    /// <summary>
    /// mprocs shows the focused (first) process's terminal; it marks an ended process <c>DOWN (exit code)</c>,
    /// but 0.9.6 did not always redraw its list after the exit (seen here: <c>UP</c> for minutes after seq had
    /// ended, until something else redrew it). So: its last line on screen (or, for <c>true</c>, the list
    /// drawn) and the process gone from mprocs' children.
    /// </summary>
    private static bool MprocsDone(string screen, bool flood) =>
        screen.Contains(flood ? "1000000" : "Processes", StringComparison.Ordinal);

    /// <summary>Milliseconds from <c>?</c> to the help on screen while the flood runs; NaN if it never showed.</summary>
    private static double KeyDuringFlood(string[] env)
    {
        using TmuxSession app = TmuxSession.Tuiproc(["--cmd", Flood, "--cmd", Sleeper], Width, Height, env);
        app.WaitUntil(s => s.Contains("lines", StringComparison.Ordinal) && s.Contains("running", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        long sent = Stopwatch.GetTimestamp();
        app.Keys("?");
        return app.WaitUntil(s => s.Contains("tuiproc keys", StringComparison.Ordinal), TimeSpan.FromSeconds(30))
            ? Stopwatch.GetElapsedTime(sent).TotalMilliseconds
            : double.NaN;
    }

    private static (double Cpu, double Wall, double PeakMib) Headless(string[] env)
    {
        ProcessStartInfo start = new(AppUnderTest.Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "run", "--cmd", Flood })
        {
            start.ArgumentList.Add(a);
        }

        foreach (string setting in env)
        {
            string[] nameValue = setting.Split('=', 2);
            start.Environment[nameValue[0]] = nameValue[1];
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

    /// <summary>One program's measurements: the flood and its start-up baseline, round after round.</summary>
    private sealed class Side(string name, Func<string, TmuxSession> start, Func<string, bool, bool> done)
    {
        public List<double> Cpu { get; } = [];

        private List<double> BaseCpu { get; } = [];

        private List<double> Wall { get; } = [];

        private List<double> Rss { get; } = [];

        private List<double> Peak { get; } = [];

        private List<double> BaseRss { get; } = [];

        /// <summary>The flood, then the same program with <c>true</c> instead.</summary>
        public void Measure(int settle)
        {
            (double cpu, double wall, double rss, double peak) = Once(Flood, settle);
            (double cpu0, _, double rss0, _) = Once("true", settle);
            Cpu.Add(cpu - cpu0);
            BaseCpu.Add(cpu0);
            Wall.Add(wall);
            Rss.Add(rss);
            Peak.Add(peak);
            BaseRss.Add(rss0);
        }

        public string Last() => string.Create(CultureInfo.InvariantCulture,
            $"{name} {Cpu[^1]:0.00} CPU s over start-up ({BaseCpu[^1]:0.00}), {Wall[^1]:0.00} s, {Rss[^1]:0.0} MiB after (peak {Peak[^1]:0.0}, start-up {BaseRss[^1]:0.0})");

        public void Row(Side mprocs) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Stats.MedianRange(Cpu, "0.00")} | {Stats.Median(BaseCpu):0.00} | {Stats.Median(Wall):0.00} | {Stats.MedianRange(Rss, "0.0")} MiB | {Stats.Median(Peak):0.0} MiB | {Stats.Median(BaseRss):0.0} MiB | {Stats.Median(Cpu) / Stats.Median(mprocs.Cpu):0.00} |"));

        /// <returns>CPU seconds when the screen showed it done, wall seconds to then, MiB resident <paramref name="settle"/> s later, peak MiB.</returns>
        private (double Cpu, double Wall, double RssMib, double PeakMib) Once(string command, int settle)
        {
            using TmuxSession app = start(command);
            bool flood = command != "true";
            string worker = flood ? Flood : "true";
            if (!app.WaitUntil(s => done(s, flood) && !ProcStat.Descendants(app.Pid).Any(p => ProcStat.CommandLine(p).EndsWith(worker, StringComparison.Ordinal)), TimeSpan.FromMinutes(5)))
            {
                throw new InvalidOperationException($"{name}: {command} not shown done within 5 minutes:\n{app.Screen()}");
            }

            double cpu = ProcStat.CpuSeconds(app.Pid);
            double wall = Stopwatch.GetElapsedTime(app.Started).TotalSeconds;
            Thread.Sleep(TimeSpan.FromSeconds(settle));
            return (cpu, wall, ProcStat.StatusKib(app.Pid, "VmRSS") / 1024.0, ProcStat.StatusKib(app.Pid, "VmHWM") / 1024.0);
        }
    }
}
