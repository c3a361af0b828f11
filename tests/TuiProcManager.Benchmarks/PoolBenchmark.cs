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
        Func<Task>[] sides =
        [
            async () =>
            {
                PoolTiming t = await forking.MapAsync(Count, Size);
                phases.Add(t);
                Add("fork server", t.WallMs);
            },
            async () => Add("posix_spawn", (await spawning.MapAsync(Count, Size)).WallMs),
            () => Side("run --pool", TuiprocRun.Pool(Size, Count)),
            () => Side("run --pool 10", TuiprocRun.Pool(Size, 10)),
            () => Side("run square:1", TuiprocRun.Single()),
            () => Side("python fork", Python("fork")),
            () => Side("python spawn", Python("spawn")),
        ];
        Task Side(string side, double value)
        {
            Add(side, value);
            return Task.CompletedTask;
        }

        for (int r = 0; r < rounds; r++)
        {
            for (int i = 0; i < sides.Length; i++)
            {
                await sides[(i + r) % sides.Length]();
            }

            Console.WriteLine($"  round {r + 1}: " + string.Join(", ", ms.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value[^1]:0.0} ms"))));
        }

        List<double> runNet = [.. ms["run --pool"].Zip(ms["run square:1"], (pool, single) => pool - single)];
        List<double> runNet10 = [.. ms["run --pool 10"].Zip(ms["run square:1"], (pool, single) => pool - single)];
        double pyFork = Stats.Median(ms["python fork"]);
        Console.WriteLine();
        Console.WriteLine($"| Pool({Size}).map(square, 1..{Count}) | ms, median (range) | / python fork |");
        Console.WriteLine("|---|---|---|");
        Row("tuiproc in process, fork server", ms["fork server"]);
        Row("tuiproc in process, posix_spawn", ms["posix_spawn"]);
        Row($"`tuiproc run --pool {Size} square:1..{Count}`, process start included", ms["run --pool"]);
        Row($"`tuiproc run --pool {Size} square:1..10`, the same with 10 inputs", ms["run --pool 10"]);
        Row("`tuiproc run square:1` (start-up baseline)", ms["run square:1"]);
        Row($"run --pool, 1..{Count} minus run square:1, per round", runNet);
        Row("run --pool, 1..10 minus run square:1, per round", runNet10);
        Row("python, fork", ms["python fork"]);
        Row("python, spawn", ms["python spawn"]);
        Console.WriteLine();
        Console.WriteLine("in process, fork server, from the supervisor's event times (ms, median (range)): " +
            $"start-up to the first result {Stats.MedianRange(phases.Select(p => p.StartupMs), "0.0")}, " +
            $"first to last result {Stats.MedianRange(phases.Select(p => p.MapMs), "0.0")}, " +
            $"last result to joined {Stats.MedianRange(phases.Select(p => p.CloseMs), "0.0")}");
        return 0;

        void Row(string what, List<double> values) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {Stats.MedianRange(values, "0.0")} | {Stats.Median(values) / pyFork:0.00} |"));
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
