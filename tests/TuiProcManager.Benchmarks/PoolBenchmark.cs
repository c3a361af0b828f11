using System.Globalization;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// Python's <c>Pool(2).map(square, range(1, 1001))</c> against ours, side by side in one run, rounds
/// interleaved (the order rotating each round): the supervisor in process (StartPool → JoinPoolAsync,
/// with the fork server and with posix_spawn), the app end to end (<c>tuiproc run --pool 2 square:1..1000</c>,
/// <c>tuiproc run square:1</c> as the start-up to subtract, and the pool with 10 inputs to tell the pool's
/// fixed cost from its cost per input), and Python with the fork and spawn start methods timing pool
/// creation + map + close + join itself. Every side's results are checked.
/// </summary>
internal static class PoolBenchmark
{
    private const int Count = 1000, Size = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        int rounds = Args.Int(args, "--rounds", 5);
        string worker = Path.Combine(AppContext.BaseDirectory, "worker", "tuiproc-worker");
        Console.WriteLine($"pool: square over 1..{Count}, {Size} workers, {rounds} rounds; {Environment.ProcessorCount} cores");
        Console.WriteLine("in process: timed from StartPool to JoinPoolAsync (pool start-up included), after one spawn (starts the fork server) and one untimed pool");
        Console.WriteLine("python: pool creation + map + close + join (perf_counter), the second pool of its process");

        await using InProcessPool forking = await InProcessPool.StartAsync(worker, forkServer: true, Count, Size);
        await using InProcessPool spawning = await InProcessPool.StartAsync(worker, forkServer: false, Count, Size);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first (untimed) pool in process: fork server {forking.FirstPoolMs:0.0} ms, JIT meanwhile {forking.FirstPoolJitMs:0.0} ms on all threads ({forking.FirstPoolJitMethods} methods); " +
            $"then posix_spawn {spawning.FirstPoolMs:0.0} ms, JIT {spawning.FirstPoolJitMs:0.0} ms ({spawning.FirstPoolJitMethods} methods)"));
        _ = TuiprocRun.Single(); // the app's files into the page cache
        _ = TuiprocRun.Pool(Size, Count);

        Dictionary<string, List<double>> ms = [];
        List<PoolTiming> phases = [];
        void Add(string side, double value) => (ms.TryGetValue(side, out List<double>? list) ? list : ms[side] = []).Add(value);
        Task Record(string side, double value)
        {
            Add(side, value);
            return Task.CompletedTask;
        }

        Task App(string side, (double WallMs, double CpuMs) run)
        {
            Add(side + " cpu", run.CpuMs);
            return Record(side, run.WallMs);
        }

        Func<Task>[] sides =
        [
            async () =>
            {
                PoolTiming t = await forking.MapAsync(Count, Size);
                phases.Add(t);
                Add("fork server", t.WallMs);
            },
            async () => Add("posix_spawn", (await spawning.MapAsync(Count, Size)).WallMs),
            () => App("run --pool", TuiprocRun.Pool(Size, Count)),
            () => App("run --pool 10", TuiprocRun.Pool(Size, 10)),
            () => App("run square:1", TuiprocRun.Single()),
            () => Record("python fork", Python("fork")),
            () => Record("python spawn", Python("spawn")),
        ];

        for (int r = 0; r < rounds; r++)
        {
            for (int i = 0; i < sides.Length; i++)
            {
                await sides[(i + r) % sides.Length]();
            }

            Console.WriteLine($"  round {r + 1}: " + string.Join(", ", ms.Where(p => !p.Key.EndsWith(" cpu", StringComparison.Ordinal))
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value[^1]:0.0} ms"))));
        }

        double pyFork = Stats.Median(ms["python fork"]);
        Console.WriteLine();
        Console.WriteLine($"| Pool({Size}).map(square, 1..{Count}) | ms, median (range) | / python fork |");
        Console.WriteLine("|---|---|---|");
        Row("tuiproc in process, fork server", ms["fork server"]);
        Row("tuiproc in process, posix_spawn", ms["posix_spawn"]);
        Row($"`tuiproc run --pool {Size} square:1..{Count}`, process start included", ms["run --pool"]);
        Row("python, fork", ms["python fork"]);
        Row("python, spawn", ms["python spawn"]);
        Console.WriteLine();
        Console.WriteLine("in process, fork server, from the supervisor's event times (ms, median (range)): " +
            $"start-up to the first result {Stats.MedianRange(phases.Select(p => p.StartupMs), "0.0")}, " +
            $"first to last result {Stats.MedianRange(phases.Select(p => p.MapMs), "0.0")}, " +
            $"last result to joined {Stats.MedianRange(phases.Select(p => p.CloseMs), "0.0")}");
        Console.WriteLine();
        Console.WriteLine("| `tuiproc run`, end to end | wall ms, median (range) | CPU ms (user + system, with its workers), median (range) |");
        Console.WriteLine("|---|---|---|");
        AppRow($"--pool {Size} square:1..{Count}", "run --pool");
        AppRow($"--pool {Size} square:1..10", "run --pool 10");
        AppRow("square:1 (start-up baseline)", "run square:1");
        AppRow($"--pool {Size} square:1..{Count} minus square:1, per round", "run --pool", "run square:1");
        AppRow($"--pool {Size} square:1..10 minus square:1, per round", "run --pool 10", "run square:1");
        return 0;

        void Row(string what, List<double> values) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {Stats.MedianRange(values, "0.0")} | {Stats.Median(values) / pyFork:0.00} |"));

        void AppRow(string what, string side, string? minus = null)
        {
            IEnumerable<double> Of(string key) => minus is null ? ms[key] : ms[key].Zip(ms[key.Replace(side, minus, StringComparison.Ordinal)], (a, b) => a - b);
            Console.WriteLine($"| {what} | {Stats.MedianRange(Of(side), "0")} | {Stats.MedianRange(Of(side + " cpu"), "0")} |");
        }
    }

    private static double Python(string method)
    {
        if (!PythonSide.Available)
        {
            return double.NaN;
        }

        (double ms, bool correct) = PythonSide.PoolMap(method, Size, Count);
        return correct ? ms : throw new InvalidOperationException($"python {method}: wrong results");
    }
}
