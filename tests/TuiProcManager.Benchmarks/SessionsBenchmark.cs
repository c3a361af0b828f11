using System.Diagnostics;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// The session goals, on native builds, side by side in one run: this build (<see cref="AppUnderTest"/>) and,
/// with <c>--base PATH</c>, another (an older tuiproc), rounds interleaved, medians and ratios.
/// <list type="bullet">
/// <item><c>idle</c>: a session server of each build with 10 workers that printed 1,000 lines each and sleep,
/// no client: CPU of all its threads (schedstat) over <c>--seconds</c> after <c>--warmup</c>, and its resident
/// memory (VmRSS, split into anonymous and file-backed: the binary's pages, shared with every tuiproc).</item>
/// <item><c>ctl</c>: <c>tuiproc ctl NAME ps --json</c> as a whole process against that session (wall and CPU),
/// beside <c>tuiproc --version</c> (the start-up alone).</item>
/// <item><c>attach</c>: <c>tuiproc attach NAME</c> in a new terminal (tmux 160×45) to that session (10
/// workers, 10,000 lines of history): from starting it to the screen showing the 10 workers and their
/// output, and the client's CPU by then; beside it, the same measure on a program that prints such a screen
/// at once (tmux's start and the polling: the part of the figure that is not tuiproc's).</item>
/// <item><c>flood</c>: see <see cref="SessionFlood"/> (the UI and its server against an in-process UI).</item>
/// </list>
/// <c>--only idle|ctl|attach|flood</c> runs one part (idle, ctl and attach share the sessions).
/// </summary>
internal static class SessionsBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        int rounds = Args.Int(args, "--rounds", 10), warmup = Args.Int(args, "--warmup", 20), seconds = Args.Int(args, "--seconds", 30);
        string? only = Args.String(args, "--only");
        List<(string Label, string App)> builds = [("this build", AppUnderTest.Path)];
        if (Args.String(args, "--base") is { } older)
        {
            builds.Add(("base", Path.GetFullPath(older)));
        }

        Console.WriteLine($"sessions: {string.Join("; ", builds.Select(b => $"{b.Label} {b.App} ({new FileInfo(b.App).Length / 1e6:0.0} MB)"))}");
        if (only is null or "flood")
        {
            SessionFlood.Run(builds, Args.String(args, "--in-process"), Args.Int(args, "--flood-rounds", 3));
        }

        if (only == "flood")
        {
            return Task.FromResult(0);
        }

        List<BenchSession> sessions = [];
        try
        {
            foreach ((string label, string app) in builds)
            {
                sessions.Add(new BenchSession(app, "bench" + sessions.Count, BenchSession.TenQuietWorkers, s => BenchSession.ShowsQuiet(s)));
            }

            if (only is null or "idle")
            {
                Idle(builds, sessions, warmup, seconds);
            }

            if (only is null or "ctl")
            {
                Ctl(builds, sessions, rounds);
            }

            if (only is null or "attach")
            {
                Attach(builds, sessions, Math.Max(1, rounds / 2));
            }
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
        }

        return Task.FromResult(0);
    }

    private static void Idle(List<(string Label, string App)> builds, List<BenchSession> sessions, int warmup, int seconds)
    {
        Console.WriteLine($"\nidle: 10 sleeping workers, no client; warm-up {warmup} s, {seconds} s measured, every server at once");
        Thread.Sleep(TimeSpan.FromSeconds(warmup));
        var before = sessions.Select(s => ProcStat.Threads(s.ServerPid)).ToList();
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        var after = sessions.Select(s => ProcStat.Threads(s.ServerPid)).ToList();
        Console.WriteLine("| build | CPU, % of a core | wake-ups/s | resident | of it anonymous | of it file (the binary) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        List<double> cpu = [];
        for (int i = 0; i < sessions.Count; i++)
        {
            long ns = after[i].Sum(t => t.Value.Nanoseconds - before[i].GetValueOrDefault(t.Key).Nanoseconds);
            long runs = after[i].Sum(t => t.Value.Runs - before[i].GetValueOrDefault(t.Key).Runs);
            cpu.Add(ns / 1e9 / seconds * 100);
            int pid = sessions[i].ServerPid;
            Console.WriteLine($"| {builds[i].Label} | {BenchSession.F(cpu[^1], "0.000")}% | {BenchSession.F(runs / (double)seconds, "0.0")} | {Mib(pid, "VmRSS")} | {Mib(pid, "RssAnon")} | {Mib(pid, "RssFile")} |");
        }

        Ratio("idle CPU", cpu);
        for (int i = 0; i < sessions.Count; i++)
        {
            Console.WriteLine($"{builds[i].Label}, per thread: " + string.Join(", ", after[i]
                .Select(t => (t.Value.Name, Ms: (t.Value.Nanoseconds - before[i].GetValueOrDefault(t.Key).Nanoseconds) / 1e6 / seconds))
                .Where(t => t.Ms >= 0.005).OrderByDescending(t => t.Ms).Select(t => $"{t.Name} {BenchSession.F(t.Ms, "0.00")} ms/s")));
        }
    }

    private static void Ctl(List<(string Label, string App)> builds, List<BenchSession> sessions, int rounds)
    {
        Console.WriteLine($"\nctl: `tuiproc ctl NAME ps --json` and `tuiproc --version`, whole processes, {rounds} rounds interleaved");
        List<double>[] ps = [.. sessions.Select(_ => new List<double>())], psCpu = [.. sessions.Select(_ => new List<double>())];
        List<double>[] version = [.. sessions.Select(_ => new List<double>())], versionCpu = [.. sessions.Select(_ => new List<double>())];
        for (int r = 0; r < rounds; r++)
        {
            for (int i = 0; i < sessions.Count; i++)
            {
                TimedRun run = sessions[i].Run("ctl", sessions[i].Name, "ps", "--json");
                if (run.ExitCode != 0 || run.Lines.Length != 10)
                {
                    throw new InvalidOperationException($"{builds[i].Label}: ctl ps printed {run.Lines.Length} lines (exit {run.ExitCode}): {run.Errors}");
                }

                ps[i].Add(run.WallMs);
                psCpu[i].Add(run.CpuMs);
                TimedRun v = sessions[i].Run("--version");
                version[i].Add(v.WallMs);
                versionCpu[i].Add(v.CpuMs);
            }
        }

        Console.WriteLine("| build | ctl ps --json, ms | its CPU, ms | --version, ms | its CPU, ms |");
        Console.WriteLine("|---|---|---|---|---|");
        for (int i = 0; i < sessions.Count; i++)
        {
            Console.WriteLine($"| {builds[i].Label} | {Stats.MedianRange(ps[i], "0.0")} | {Stats.Median(psCpu[i]):0.0} | {Stats.MedianRange(version[i], "0.0")} | {Stats.Median(versionCpu[i]):0.0} |");
        }

        Ratio("ctl ps wall", [.. ps.Select(Stats.Median)]);
        Ratio("ctl ps CPU", [.. psCpu.Select(Stats.Median)]);
    }

    private static void Attach(List<(string Label, string App)> builds, List<BenchSession> sessions, int rounds)
    {
        Console.WriteLine($"\nattach: `tuiproc attach NAME` in a new 160x45 terminal to the 10 workers and 10,000 lines of history, until all is shown; {rounds} rounds interleaved");
        List<double>[] wall = [.. sessions.Select(_ => new List<double>())], cpu = [.. sessions.Select(_ => new List<double>())];
        List<double> floor = [];
        string screen = Path.GetTempFileName();
        File.WriteAllLines(screen, [.. Enumerable.Range(1, 10).Select(i => $"{i} sh -c 'seq 1 1000; sleep 3600'"), "Output", "1000"]);
        for (int r = 0; r < rounds; r++)
        {
            // The measure's own part: the same terminal and polling, on a program that prints such a screen at once.
            long begun = Stopwatch.GetTimestamp();
            using (TmuxSession printed = new(["sh", "-c", $"cat '{screen}'; exec sleep 60"], 160, 45))
            {
                if (printed.WaitUntil(s => BenchSession.ShowsQuiet(s), TimeSpan.FromSeconds(30)))
                {
                    floor.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
                }
            }

            for (int i = 0; i < sessions.Count; i++)
            {
                long start = Stopwatch.GetTimestamp();
                using TmuxSession client = sessions[i].Terminal("attach", sessions[i].Name);
                if (!client.WaitUntil(s => BenchSession.ShowsQuiet(s), TimeSpan.FromSeconds(30)))
                {
                    throw new InvalidOperationException($"{builds[i].Label}: attach did not show the session:\n{client.Screen()}");
                }

                wall[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                cpu[i].Add(ProcStat.Threads(client.Pid).Sum(t => t.Value.Nanoseconds) / 1e6);
                client.Keys("d");
                client.WaitUntil(_ => !ProcStat.IsAlive(client.Pid), TimeSpan.FromSeconds(10));
            }
        }

        Console.WriteLine("| build | first full screen, ms | client CPU by then (live threads), ms |");
        Console.WriteLine("|---|---|---|");
        for (int i = 0; i < sessions.Count; i++)
        {
            Console.WriteLine($"| {builds[i].Label} | {Stats.MedianRange(wall[i], "0")} | {Stats.MedianRange(cpu[i], "0")} |");
        }

        File.Delete(screen);
        Console.WriteLine($"the measure's own part (tmux's start and the polling, on a program that prints that screen at once): {Stats.MedianRange(floor, "0")} ms");
        Ratio("attach wall", [.. wall.Select(Stats.Median)]);
        Ratio("attach client CPU", [.. cpu.Select(Stats.Median)]);
    }

    /// <summary>This build / the base, when there is one.</summary>
    private static void Ratio(string what, List<double> medians)
    {
        if (medians.Count > 1)
        {
            Console.WriteLine($"{what}: this build / base = {BenchSession.F(medians[0] / medians[1], "0.00")}");
        }
    }

    private static string Mib(int pid, string key) => BenchSession.F(ProcStat.StatusKib(pid, key) / 1024.0, "0.0") + " MiB";
}
