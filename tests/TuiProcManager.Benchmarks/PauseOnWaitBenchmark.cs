using System.Globalization;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// Pause-on-wait with real workers: the same workers run in parallel, in pause-on-wait with K = 1 and
/// K = 2, and one after another, in one run, rounds interleaved (the order rotating each round). For each:
/// the makespan; the supervisor's CPU per second of run (what the 1 ms wake polls cost); the scheduler's own
/// <see cref="WorkerScheduled.NoticedWithin"/>; and an independent /proc sampler's count of samples with
/// more than K workers in state R, with the longest such stretch.
/// </summary>
internal static class PauseOnWaitBenchmark
{
    private sealed record Mode(string Name, int Slots, bool OneAfterAnother);

    public static async Task<int> RunAsync(string[] args)
    {
        if (!AppRuntimeSettings.InEffect)
        {
            return AppRuntimeSettings.RunAgain(["pause-on-wait", .. args]);
        }

        int rounds = Args.Int(args, "--rounds", 5), count = Args.Int(args, "--workers", 4);
        Workload workload = new(Args.Int(args, "--steps", 10), Args.Int(args, "--work-ms", 30), Args.Int(args, "--wait-ms", 50));
        TimeSpan sampleEvery = TimeSpan.FromMicroseconds(Args.Int(args, "--sample-us", 500));
        WorkerSpec[] specs = [.. Enumerable.Range(1, count).Select(n => WorkerSpec.Square(n.ToString(CultureInfo.InvariantCulture), workload))];
        Mode[] modes = [new("parallel", 0, false), new("pause-on-wait K=1", 1, false), new("pause-on-wait K=2", 2, false), new("one after another", 0, true)];
        Console.WriteLine($"pause-on-wait: {count} workers, each {workload.Steps} steps of {workload.WorkMs} ms CPU then {workload.WaitMs} ms asleep; " +
            $"{rounds} rounds; /proc sampler every {sampleEvery.TotalMicroseconds:0} µs; {Environment.ProcessorCount} cores");
        Console.WriteLine("the app's runtime settings (PGO off, no thread-pool spinning); one untimed round of every mode first");

        await using SchedulingRig rig = new(Path.Combine(AppContext.BaseDirectory, "worker", "tuiproc-worker"));
        foreach (Mode m in modes)
        {
            _ = await rig.RunAsync(specs, m.Slots, m.OneAfterAnother, sampleEvery); // the fork server, the JIT's tier-up
        }

        Dictionary<Mode, List<ScheduleRun>> runs = modes.ToDictionary(m => m, _ => new List<ScheduleRun>());
        for (int r = 0; r < rounds; r++)
        {
            for (int i = 0; i < modes.Length; i++)
            {
                Mode m = modes[(i + r) % modes.Length];
                runs[m].Add(await rig.RunAsync(specs, m.Slots, m.OneAfterAnother, sampleEvery));
            }

            Console.WriteLine($"  round {r + 1}: " + string.Join(", ", modes.Select(m => string.Create(CultureInfo.InvariantCulture,
                $"{m.Name} {runs[m][^1].MakespanMs / 1000:0.000} s, {runs[m][^1].SupervisorCpuMsPerS:0.0} ms CPU/s"))));
        }

        double parallel = Stats.Median(runs[modes[0]].Select(x => x.MakespanMs));
        Console.WriteLine();
        Console.WriteLine("| mode | makespan, s | / parallel | supervisor CPU, ms per s of run | of which the clock thread | clock thread wake-ups/s | of which the JIT's thread |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (Mode m in modes)
        {
            List<ScheduleRun> x = runs[m];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Name} | {Stats.MedianRange(x.Select(v => v.MakespanMs / 1000), "0.00")} | {Stats.Median(x.Select(v => v.MakespanMs)) / parallel:0.00} | " +
                $"{Stats.MedianRange(x.Select(v => v.SupervisorCpuMsPerS), "0.0")} | {Stats.MedianRange(x.Select(v => v.ClockCpuMsPerS), "0.0")} | {Stats.MedianRange(x.Select(v => v.ClockWakeupsPerS), "0")} | {Stats.MedianRange(x.Select(v => v.JitCpuMsPerS), "0.0")} |"));
        }

        Console.WriteLine("supervisor CPU: every thread of this process but the sampler's (/proc/self/task/*/schedstat), per second of run");
        Console.WriteLine();
        Console.WriteLine("| mode | wake-ups noticed (all rounds) | of them queued | NoticedWithin ms: median, p95, max | samples with more than K in R, median (range) | longest such stretch ms, median (range) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach ((Mode m, int k) in new[] { (modes[1], 1), (modes[2], 2), (modes[0], 1), (modes[0], 2) })
        {
            Row(m.Slots > 0 ? m.Name : $"parallel, K={k} for comparison", runs[m], k);
        }

        double interval = Stats.Median(runs.Values.SelectMany(x => x).Select(x => Overlap.Of(x.Samples, 1).MedianIntervalUs));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sampler: median {interval:0} µs between samples"));
        return 0;
    }

    private static void Row(string name, List<ScheduleRun> runs, int k)
    {
        double[] notices = [.. runs.SelectMany(x => x.Wakes).Select(w => w.NoticedWithin!.Value.TotalMilliseconds)];
        int queued = runs.Sum(x => x.Wakes.Count(w => w.Change == SlotChange.Queued));
        Overlap[] overlaps = [.. runs.Select(x => Overlap.Of(x.Samples, k))];
        string noticed = notices.Length == 0 ? "—" : string.Create(CultureInfo.InvariantCulture,
            $"{Stats.Median(notices):0.00}, {Stats.Percentile(notices, 95):0.00}, {Stats.Max(notices):0.00}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {(notices.Length == 0 ? "—" : notices.Length)} | {(notices.Length == 0 ? "—" : queued)} | {noticed} | " +
            $"{Stats.MedianRange(overlaps.Select(o => o.Fraction * 100), "0.00")} % | {Stats.MedianRange(overlaps.Select(o => o.LongestMs), "0.0")} |"));
    }
}
