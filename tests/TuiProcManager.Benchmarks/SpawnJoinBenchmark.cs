using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Core.DependencyInjection;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.DependencyInjection;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// Spawn-and-join, the lesson's p.start(); p.join(): one worker at a time, and a batch of 100 started at
/// once and joined. Ours (square 10 through the supervisor) against Python's multiprocessing with the
/// fork and spawn start methods, in one run with the rounds interleaved so that machine noise hits both.
/// </summary>
internal static class SpawnJoinBenchmark
{
    private const int Batch = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        int rounds = Option(args, "--rounds", 5);
        int count = Option(args, "--count", 200);
        string worker = Path.Combine(AppContext.BaseDirectory, "worker", "tuiproc-worker");
        Console.WriteLine($"spawn-and-join: {rounds} rounds of {count} one at a time and one batch of {Batch}; worker {Describe(worker)}; {Environment.ProcessorCount} cores");

        ServiceCollection services = new();
        services.AddLinuxProcessControl(o => o.GuardExecutable = worker);
        services.AddSupervisor(o => o.WorkerExecutable = worker);
        await using ServiceProvider provider = services.BuildServiceProvider();
        ISupervisor supervisor = provider.GetRequiredService<ISupervisor>();
        WorkerSpec spec = WorkerSpec.Square("10");
        for (int i = 0; i < 10; i++)
        {
            await supervisor.JoinAsync(supervisor.Spawn(spec)); // warm-up (JIT, the guard's start)
        }

        List<double> oursOne = [], oursBatch = [], forkOne = [], forkBatch = [], spawnOne = [], spawnBatch = [];
        for (int r = 0; r < rounds; r++)
        {
            Stopwatch clock = Stopwatch.StartNew();
            for (int i = 0; i < count; i++)
            {
                await supervisor.JoinAsync(supervisor.Spawn(spec));
            }

            oursOne.Add(clock.Elapsed.TotalMilliseconds / count);
            clock.Restart();
            WorkerId[] ids = [.. Enumerable.Range(0, Batch).Select(_ => supervisor.Spawn(spec))];
            foreach (WorkerId id in ids)
            {
                await supervisor.JoinAsync(id);
            }

            oursBatch.Add(clock.Elapsed.TotalMilliseconds);
            if (PythonSide.Available)
            {
                (double one, double batch) = PythonSide.SpawnJoin("fork", count, Batch);
                forkOne.Add(one);
                forkBatch.Add(batch);
                if (r < 2) // the spawn start method takes seconds per batch: two rounds are enough
                {
                    (one, batch) = PythonSide.SpawnJoin("spawn", 20, Batch);
                    spawnOne.Add(one);
                    spawnBatch.Add(batch);
                }
            }

            string python = PythonSide.Available
                ? string.Create(CultureInfo.InvariantCulture, $"; python fork {forkOne[^1]:0.000} ms, {forkBatch[^1]:0.0} ms/{Batch}")
                : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {r + 1}: ours {oursOne[^1]:0.000} ms, {oursBatch[^1]:0.0} ms/{Batch}") + python);
        }

        Console.WriteLine();
        Console.WriteLine("| start+join | tuiproc (median) | python fork | python spawn | tuiproc / fork |");
        Console.WriteLine("|---|---|---|---|---|");
        Row("one at a time, ms each", oursOne, forkOne, spawnOne, "0.00");
        Row($"{Batch} at once, ms in all", oursBatch, forkBatch, spawnBatch, "0");
        if (!PythonSide.Available)
        {
            Console.WriteLine("python3 not found: no comparison.");
        }

        return 0;
    }

    private static void Row(string what, List<double> ours, List<double> fork, List<double> spawn, string format)
    {
        double o = Stats.Median(ours), f = Stats.Median(fork), s = Stats.Median(spawn);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {what} | {o.ToString(format, CultureInfo.InvariantCulture)} | {f.ToString(format, CultureInfo.InvariantCulture)} | {s.ToString(format, CultureInfo.InvariantCulture)} | {o / f:0.00} |"));
    }

    private static string Describe(string worker)
    {
        byte[] head = new byte[4];
        using (FileStream f = File.OpenRead(worker))
        {
            f.ReadExactly(head);
        }

        bool elf = head is [0x7F, (byte)'E', (byte)'L', (byte)'F'];
        return elf && !File.Exists(worker + ".dll") ? "NativeAOT" : "JIT (apphost)";
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
