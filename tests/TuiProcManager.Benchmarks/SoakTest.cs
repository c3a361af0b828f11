using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Core.DependencyInjection;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Linux.DependencyInjection;
using TuiProcManager.Testing;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// The soak test (not part of <c>dotnet test</c>: minutes long, and the machine is all its own): a real
/// supervisor driven at random, for a bounded time, by what students do — spawn, pause, resume, join
/// with a timeout, terminate, kill, switch modes, start pools — with workers that misbehave (leave
/// grandchildren in other sessions, ignore SIGTERM, crash, flood output, exit at once) and keep the CPUs
/// busy. At the end it stops everything and checks: every worker ended, nothing of ours is left
/// running anywhere, and the managed heap went back down. Exit code 0 when all hold, 1 otherwise.
/// </summary>
/// <remarks>
/// Reproducible from its seed (printed), apart from timing: the same operations are tried in the same
/// order, but what they meet (a worker still alive or not) depends on the machine.
/// </remarks>
internal static class SoakTest
{
    public static async Task<int> RunAsync(string[] args)
    {
        int seconds = Args.Int(args, "--seconds", 120);
        int seed = Args.Int(args, "--seed", Environment.TickCount & 0x7FFFFFFF);
        int maxAlive = Args.Int(args, "--max-alive", 40);
        string worker = Path.Combine(AppContext.BaseDirectory, "worker", "tuiproc-worker");
        Console.WriteLine($"soak: {seconds} s, seed {seed}, at most {maxAlive} workers alive; {Environment.ProcessorCount} cores");

        long heapBefore = SoakProbes.Heap();
        SoakCounts counts = new();
        SoakFigures figures = new() { HeapBeforeMiB = heapBefore / 1048576.0, RssBeforeMiB = SoakProbes.RssMiB() };
        List<string> problems = [];
        string? mark = await SuperviseAsync(worker, seed, seconds, maxAlive, counts, figures, problems);
        int self = Environment.ProcessId;
        Stopwatch settle = Stopwatch.StartNew();
        List<int> left = [];
        while (settle.Elapsed < TimeSpan.FromSeconds(5))
        {
            left = [.. ProcessTools.Descendants(self).Concat(mark is null ? [] : SoakProbes.Marked(mark)).Distinct()];
            if (left.Count == 0)
            {
                break;
            }

            await Task.Delay(50);
        }

        if (left.Count > 0)
        {
            problems.Add("left running: " + string.Join(", ", left.Select(SoakProbes.Describe)));
        }

        figures.HeapAfterMiB = SoakProbes.Heap() / 1048576.0;
        figures.RssAfterMiB = SoakProbes.RssMiB();
        if (figures.HeapAfterMiB > figures.HeapBeforeMiB + 4)
        {
            problems.Add($"the managed heap stayed up: {figures.HeapBeforeMiB:0.0} MiB before, {figures.HeapAfterMiB:0.0} MiB after");
        }

        if (counts.Spawned != counts.Ended)
        {
            problems.Add($"{counts.Spawned} spawned but {counts.Ended} ended events");
        }

        Print(counts, figures, problems);
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// The supervised part, in a method of its own: once it returns, nothing references the supervisor,
    /// so the heap measured after it is what the run really left behind.
    /// </summary>
    private static async Task<string?> SuperviseAsync(string worker, int seed, int seconds, int maxAlive, SoakCounts counts, SoakFigures figures, List<string> problems)
    {
        string? mark;
        ServiceCollection services = new();
        services.AddLinuxProcessControl(o => o.WorkerExecutable = worker);
        services.AddSupervisor(o => o.WorkerExecutable = worker);
        ServiceProvider provider = services.BuildServiceProvider();
        Supervisor supervisor = provider.GetRequiredService<Supervisor>();
        using (IDisposable subscription = supervisor.Events.Subscribe(counts.Take))
        {
            mark = await SoakOperations.RunAsync(supervisor, new Random(seed), seconds, maxAlive, counts, figures);

            Stopwatch stopping = Stopwatch.StartNew();
            await supervisor.TerminateAllAsync(TimeSpan.FromSeconds(1));
            bool joined = await supervisor.JoinAllAsync(TimeSpan.FromSeconds(30));
            figures.StopAllMs = stopping.Elapsed.TotalMilliseconds;
            if (!joined || supervisor.Snapshot().Any(w => w.Exit is null))
            {
                problems.Add("some workers never ended after TerminateAll: " + string.Join(", ", supervisor.Snapshot().Where(w => w.Exit is null).Select(w => w.Worker)));
            }

            figures.Workers = supervisor.Snapshot().Length;
            // What the last workers left behind is swept up to 2 s after each ended; disposing now would
            // leave that to the guard, whose victims stay zombies of this process (the app exits instead).
            await Task.Delay(3000);
            Console.WriteLine("our children after stop all and the last sweeps (the guard and the fork server expected): " + string.Join(", ", ProcessTools.Children(Environment.ProcessId).Select(SoakProbes.Describe)));
            figures.HeapEndAliveMiB = SoakProbes.Heap() / 1048576.0;
        }

        await provider.DisposeAsync(); // the fork server and the guard end here
        return mark;
    }

    private static void Print(SoakCounts counts, SoakFigures f, List<string> problems)
    {
        Console.WriteLine($"operations: {string.Join(", ", counts.Operations.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"))}");
        Console.WriteLine($"workers: {f.Workers} spawned ({f.PeakAlive} alive at most); ended events {counts.Ended}; exits: {string.Join(", ", counts.Exits.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"))}");
        Console.WriteLine($"left behind by workers and ended by the sweeper: {counts.LeftBehindEnded}; survivors reported: {counts.LeftBehindSurvived}; events dropped for the subscriber: {counts.Dropped}");
        Console.WriteLine($"stop all at the end: {f.StopAllMs:0} ms");
        Console.WriteLine($"managed heap, MiB: before {f.HeapBeforeMiB:0.0}, warmed up {f.HeapWarmMiB:0.0} ({f.WorkersWarm} workers known), at the end {f.HeapEndAliveMiB:0.0} ({f.Workers} workers known), after disposing {f.HeapAfterMiB:0.0}");
        Console.WriteLine($"resident, MiB: before {f.RssBeforeMiB:0.0}, peak {f.PeakRssMiB:0.0}, after {f.RssAfterMiB:0.0}");
        Console.WriteLine(problems.Count == 0 ? "soak: every check passed (every worker ended, nothing of ours left running, the heap back down)" : "soak: FAILED\n  " + string.Join("\n  ", problems));
    }
}
