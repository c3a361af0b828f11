using System.Globalization;

namespace TuiProcManager.Benchmarks;

/// <summary>The GC settings side of the memory benchmark.</summary>
internal static partial class MemoryBenchmark
{
    /// <summary>Settings measured, as the runtime's environment variables (they override what the app was built with).</summary>
    private static readonly (string Name, string[] Environment)[] Settings =
    [
        ("as built", []),
        ("workstation, concurrent (the runtime's default)", ["DOTNET_gcConcurrent=1", "DOTNET_GCConserveMemory=0", "DOTNET_GCgen0MaxBudget=0"]),
        ("non-concurrent", ["DOTNET_gcConcurrent=0"]),
        ("conserve memory 5", ["DOTNET_GCConserveMemory=5"]),
        ("gen0 size 4 MiB (GCgen0size)", ["DOTNET_GCgen0size=0x400000"]),
        ("gen0 budget at most 2 MiB (GCgen0MaxBudget)", ["DOTNET_GCgen0MaxBudget=0x200000"]),
        ("gen0 budget at most 8 MiB", ["DOTNET_GCgen0MaxBudget=0x800000"]),
        ("regions of 1 MiB", ["DOTNET_GCRegionSize=0x100000"]),
        ("hard limit 32 MiB", ["DOTNET_GCHeapHardLimit=0x2000000"]),
    ];

    /// <summary>
    /// The UI (tmux, 160×45) with <c>seq 1 1000000</c> and <c>sleep 600</c> as workers, under each setting,
    /// rounds interleaved: CPU seconds until the screen shows the flood done (start-up included), then 5 s
    /// later resident memory and where it is (<see cref="Smaps"/>). Medians.
    /// </summary>
    private static int GcSettings(int rounds)
    {
        Dictionary<string, List<(double Cpu, double Rss, double Peak, Smaps Parts)>> results = Settings.ToDictionary(s => s.Name, _ => new List<(double, double, double, Smaps)>());
        Console.WriteLine($"GC settings: app {AppUnderTest.Path}, seq 1 1000000 beside sleep 600, 160x45, {rounds} rounds");
        for (int round = 0; round < rounds; round++)
        {
            foreach ((string name, string[] environment) in Settings)
            {
                using TmuxSession app = TmuxSession.Tuiproc(["--cmd", "seq 1 1000000", "--cmd", "sleep 600"], 160, 45, environment);
                if (!app.WaitUntil(s => s.Contains("1 done", StringComparison.Ordinal) && s.Contains("1000000", StringComparison.Ordinal), TimeSpan.FromMinutes(3)))
                {
                    Console.Error.WriteLine($"{name}: the flood not shown done:\n{app.Screen()}");
                    return 1;
                }

                double cpu = ProcStat.CpuSeconds(app.Pid);
                Thread.Sleep(TimeSpan.FromSeconds(5));
                double rss = ProcStat.StatusKib(app.Pid, "VmRSS") / 1024.0, peak = ProcStat.StatusKib(app.Pid, "VmHWM") / 1024.0;
                Smaps parts = Smaps.Read(app.Pid);
                results[name].Add((cpu, rss, peak, parts));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round + 1}, {name}: {rss:0.0} MiB (GC heap {parts.GcHeapMib:0.0}, binary {parts.BinaryMib:0.0}, libraries {parts.LibrariesMib:0.0}, other {parts.OtherAnonMib:0.0}), peak {peak:0.0}, {cpu:0.00} CPU s"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| GC setting | resident after the flood | GC heap | its share | binary (code) | libraries | other anonymous | peak | CPU s to the flood's end |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach ((string name, _) in Settings)
        {
            var r = results[name];
            double rss = Stats.Median(r.Select(x => x.Rss)), gc = Stats.Median(r.Select(x => x.Parts.GcHeapMib));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {rss:0.0} MiB | {gc:0.0} MiB | {gc / rss:0%} | {Stats.Median(r.Select(x => x.Parts.BinaryMib)):0.0} MiB | {Stats.Median(r.Select(x => x.Parts.LibrariesMib)):0.0} MiB | {Stats.Median(r.Select(x => x.Parts.OtherAnonMib)):0.0} MiB | {Stats.Median(r.Select(x => x.Peak)):0.0} MiB | {Stats.Median(r.Select(x => x.Cpu)):0.00} |"));
        }

        return 0;
    }
}
