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
/// once and joined. Ours (square 10 through the supervisor, with the fork server and without it, i.e.
/// posix_spawn and exec of the NativeAOT worker) against Python's multiprocessing with the fork and
/// spawn start methods, in one run with the rounds interleaved so that machine noise hits all of them.
/// The supervisor runs in this process; the app as users run it, whole processes, is the lesson benchmark's
/// (<see cref="LessonBenchmark"/>, on <see cref="AppUnderTest"/>).
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

        await using ServiceProvider withServer = Supervisor(worker, forkServer: true);
        await using ServiceProvider withoutServer = Supervisor(worker, forkServer: false);
        Supervisor forking = withServer.GetRequiredService<Supervisor>();
        Supervisor spawning = withoutServer.GetRequiredService<Supervisor>();
        WorkerSpec spec = WorkerSpec.Square("10");
        foreach (Supervisor s in new[] { forking, spawning })
        {
            for (int i = 0; i < 10; i++)
            {
                await s.JoinAsync(s.Spawn(spec)); // warm-up (JIT, the guard's and the fork server's start)
            }
        }

        List<double> forkOne = [], forkBatch = [], spawnOne = [], spawnBatch = [];
        List<double> pyForkOne = [], pyForkBatch = [], pySpawnOne = [], pySpawnBatch = [];
        for (int r = 0; r < rounds; r++)
        {
            (double one, double batch) = await MeasureAsync(forking, spec, count);
            forkOne.Add(one);
            forkBatch.Add(batch);
            (one, batch) = await MeasureAsync(spawning, spec, count);
            spawnOne.Add(one);
            spawnBatch.Add(batch);
            string python = "";
            if (PythonSide.Available)
            {
                (one, batch) = PythonSide.SpawnJoin("fork", count, Batch);
                pyForkOne.Add(one);
                pyForkBatch.Add(batch);
                python = string.Create(CultureInfo.InvariantCulture, $"; python fork {one:0.000} ms, {batch:0.0} ms/{Batch}");
                if (r < 2) // the spawn start method takes seconds per batch: two rounds are enough
                {
                    (one, batch) = PythonSide.SpawnJoin("spawn", 20, Batch);
                    pySpawnOne.Add(one);
                    pySpawnBatch.Add(batch);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {r + 1}: fork server {forkOne[^1]:0.000} ms, {forkBatch[^1]:0.0} ms/{Batch}; posix_spawn {spawnOne[^1]:0.000} ms, {spawnBatch[^1]:0.0} ms/{Batch}") + python);
        }

        Console.WriteLine();
        Console.WriteLine("| start+join | tuiproc, fork server | tuiproc, posix_spawn | python fork | python spawn | fork server / python fork | posix_spawn / python fork |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Row("one at a time, ms each", forkOne, spawnOne, pyForkOne, pySpawnOne, "0.00");
        Row($"{Batch} at once, ms in all", forkBatch, spawnBatch, pyForkBatch, pySpawnBatch, "0");
        if (!PythonSide.Available)
        {
            Console.WriteLine("python3 not found: no comparison.");
        }

        return 0;
    }

    private static ServiceProvider Supervisor(string worker, bool forkServer)
    {
        ServiceCollection services = new();
        services.AddLinuxProcessControl(o =>
        {
            o.WorkerExecutable = worker;
            o.UseForkServer = forkServer;
        });
        services.AddSupervisor(o => o.WorkerExecutable = worker);
        return services.BuildServiceProvider();
    }

    /// <summary>Milliseconds per start+join one at a time, and for a batch started at once then joined.</summary>
    private static async Task<(double One, double Batch)> MeasureAsync(Supervisor supervisor, WorkerSpec spec, int count)
    {
        Stopwatch clock = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            await supervisor.JoinAsync(supervisor.Spawn(spec));
        }

        double one = clock.Elapsed.TotalMilliseconds / count;
        clock.Restart();
        WorkerId[] ids = [.. Enumerable.Range(0, Batch).Select(_ => supervisor.Spawn(spec))];
        foreach (WorkerId id in ids)
        {
            await supervisor.JoinAsync(id);
        }

        return (one, clock.Elapsed.TotalMilliseconds);
    }

    private static void Row(string what, List<double> forking, List<double> spawning, List<double> pyFork, List<double> pySpawn, string format)
    {
        double f = Stats.Median(forking), s = Stats.Median(spawning), pf = Stats.Median(pyFork), ps = Stats.Median(pySpawn);
        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {F(f)} | {F(s)} | {F(pf)} | {F(ps)} | {f / pf:0.00} | {s / pf:0.00} |"));
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
