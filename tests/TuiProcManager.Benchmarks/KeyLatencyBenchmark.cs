using System.Diagnostics;
using System.Globalization;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// How long a key takes to show on screen while a worker floods the output, beside the same keys with no
/// flood: tuiproc's UI in a real terminal (tmux, 160×45) with two workers, the first either
/// <c>seq 1 1000000000</c> (a flood that outlasts the run) or <c>sleep 600</c>, the second
/// <c>sleep 600</c>. Each sample is Down or Up (the selection moves to the other worker), timed from
/// tmux's send-keys to the Output panel's title naming that worker, polled every 2 ms with
/// <c>capture-pane</c>; then <c>?</c> (the help, a dialog drawn over everything) and Esc. Scenarios are
/// interleaved round by round, so the machine's noise falls on both; medians and the ratio flood / quiet.
/// <c>--base PATH</c> runs another build's binary through the same scenarios, interleaved (before / after).
/// </summary>
/// <remarks>
/// The figure includes tmux's part: send-keys is a process of its own, and the screen is read by another
/// (about 2–4 ms each here). A key is sent 150–350 ms after the last one showed, at random, so that it
/// falls anywhere in the UI's frame (30 a second after a key).
/// </remarks>
internal static class KeyLatencyBenchmark
{
    private const string Flood = "seq 1 1000000000";
    private const string Sleeper = "sleep 600";
    private const int Width = 160, Height = 45;

    public static Task<int> RunAsync(string[] args)
    {
        int rounds = Args.Int(args, "--rounds", 3);
        int keys = Args.Int(args, "--keys", 20);
        string? basePath = Args.String(args, "--base");
        List<(string App, string Path)> apps = [("tuiproc", AppUnderTest.Path)];
        if (basePath is not null)
        {
            apps.Add(("base", System.IO.Path.GetFullPath(basePath)));
        }

        Console.WriteLine($"keys: Down/Up and ? while `{Flood}` floods, beside `{Sleeper}` alone; {Width}x{Height}, {rounds} rounds of {keys} keys; {string.Join("; ", apps.Select(a => $"{a.App} {a.Path}"))}");
        List<Scenario> scenarios = [.. apps.SelectMany(a => new[] { new Scenario(a.App, a.Path, Flood), new Scenario(a.App, a.Path, Sleeper) })];
        Random random = new(18);
        for (int round = 0; round < rounds; round++)
        {
            foreach (Scenario scenario in scenarios)
            {
                (List<double> move, List<double> help) = Measure(scenario, keys, random);
                scenario.Moves.AddRange(move);
                scenario.Helps.AddRange(help);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round + 1}, {scenario.App}, first worker `{scenario.First}`: Down/Up {Stats.MedianRange(move, "0")} ms, p90 {Stats.Percentile(move, 90):0}; ? {Stats.MedianRange(help, "0")} ms"));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| key shown, ms, {rounds} rounds of {keys} | Down/Up median | p90 | max | ? (help) median | max |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (Scenario s in scenarios)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.App}, beside `{s.First}` | {Stats.Median(s.Moves):0} | {Stats.Percentile(s.Moves, 90):0} | {Stats.Max(s.Moves):0} | {Stats.Median(s.Helps):0} | {Stats.Max(s.Helps):0} |"));
        }

        foreach (IGrouping<string, Scenario> app in scenarios.GroupBy(s => s.App))
        {
            Scenario flood = app.Single(s => s.First == Flood), quiet = app.Single(s => s.First == Sleeper);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{app.Key}: flood / quiet, medians: Down/Up {Stats.Median(flood.Moves) / Stats.Median(quiet.Moves):0.00}, ? {Stats.Median(flood.Helps) / Stats.Median(quiet.Helps):0.00}"));
        }

        return Task.FromResult(0);
    }

    /// <summary>One binary beside one first worker, and what its keys took.</summary>
    private sealed record Scenario(string App, string Path, string First)
    {
        public List<double> Moves { get; } = [];

        public List<double> Helps { get; } = [];
    }

    /// <summary>One app: <paramref name="keys"/> moves between the two workers, then as many ? and Esc, each timed.</summary>
    private static (List<double> Moves, List<double> Helps) Measure(Scenario scenario, int keys, Random random)
    {
        string first = scenario.First;
        using TmuxSession app = new([scenario.Path, "--cmd", first, "--cmd", Sleeper], Width, Height);
        bool flooding = first == Flood;
        if (!app.WaitUntil(s => s.Contains("2 workers", StringComparison.Ordinal) && (!flooding || s.Contains("00000", StringComparison.Ordinal)), TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException($"`{first}` not shown within 30 s:\n{app.Screen()}");
        }

        List<double> moves = [], helps = [];
        for (int i = 0; i < keys; i++)
        {
            Thread.Sleep(random.Next(150, 350));
            bool down = i % 2 == 0;
            string title = down ? "Output · 2 " : "Output · 1 ";
            moves.Add(Timed(app, down ? "Down" : "Up", s => s.Contains(title, StringComparison.Ordinal)));
        }

        for (int i = 0; i < Math.Max(3, keys / 4); i++)
        {
            Thread.Sleep(random.Next(150, 350));
            helps.Add(Timed(app, "?", s => s.Contains("tuiproc keys", StringComparison.Ordinal)));
            Thread.Sleep(100);
            if (double.IsNaN(Timed(app, "Escape", s => !s.Contains("tuiproc keys", StringComparison.Ordinal))))
            {
                throw new InvalidOperationException("the help did not close:\n" + app.Screen());
            }
        }

        if (flooding && !ProcStat.Descendants(app.Pid).Any(p => ProcStat.CommandLine(p).EndsWith(Flood, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("the flood ended before the keys did: the figures would not be a flood's");
        }

        // Ctrl+C stops every worker and the session (a hang-up, as the session's end would send, detaches).
        app.Keys("C-c");
        _ = app.WaitUntil(_ => !ProcStat.IsAlive(app.Pid), TimeSpan.FromSeconds(10));
        return (moves, helps);
    }

    /// <summary>Milliseconds from sending <paramref name="key"/> to <paramref name="shown"/>; NaN after 10 s.</summary>
    private static double Timed(TmuxSession app, string key, Func<string, bool> shown)
    {
        long sent = Stopwatch.GetTimestamp();
        app.Keys(key);
        Stopwatch watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (shown(app.Screen()))
            {
                return Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            }

            Thread.Sleep(2);
        }

        return double.NaN;
    }
}
