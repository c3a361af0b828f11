using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Core.DependencyInjection;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
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
    /// <summary>Command workers that misbehave, each as a student's program might.</summary>
    private static readonly string[][] Misbehaving =
    [
        ["sh", "-c", "setsid sleep 60 & (sleep 60 &); sleep 1"],  // leaves a grandchild in its own session and a double-forked one
        ["sh", "-c", "trap '' TERM; sleep 4"],                     // ignores SIGTERM
        ["sh", "-c", "sleep 0.3; kill -SEGV $$"],                  // crashes
        ["sh", "-c", "yes soak | head -n 200000"],                  // floods its output
        ["sh", "-c", "exec 1>&- 2>&-; sleep 2; exit 3"],           // closes its output, goes on, fails
        ["true"],                                                   // exits the instant it starts
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        int seconds = Args.Int(args, "--seconds", 120);
        int seed = Args.Int(args, "--seed", Environment.TickCount & 0x7FFFFFFF);
        int maxAlive = Args.Int(args, "--max-alive", 40);
        string worker = Path.Combine(AppContext.BaseDirectory, "worker", "tuiproc-worker");
        Console.WriteLine($"soak: {seconds} s, seed {seed}, at most {maxAlive} workers alive; {Environment.ProcessorCount} cores");

        long heapBefore = Heap();
        Counts counts = new();
        Figures figures = new() { HeapBeforeMiB = heapBefore / 1048576.0, RssBeforeMiB = RssMiB() };
        List<string> problems = [];
        string? mark = await SuperviseAsync(worker, seed, seconds, maxAlive, counts, figures, problems);
        int self = Environment.ProcessId;
        Stopwatch settle = Stopwatch.StartNew();
        List<int> left = [];
        while (settle.Elapsed < TimeSpan.FromSeconds(5))
        {
            left = [.. ProcessTools.Descendants(self).Concat(mark is null ? [] : Marked(mark)).Distinct()];
            if (left.Count == 0)
            {
                break;
            }

            await Task.Delay(50);
        }

        if (left.Count > 0)
        {
            problems.Add("left running: " + string.Join(", ", left.Select(Describe)));
        }

        figures.HeapAfterMiB = Heap() / 1048576.0;
        figures.RssAfterMiB = RssMiB();
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
    private static async Task<string?> SuperviseAsync(string worker, int seed, int seconds, int maxAlive, Counts counts, Figures figures, List<string> problems)
    {
        string? mark;
        ServiceCollection services = new();
        services.AddLinuxProcessControl(o => o.WorkerExecutable = worker);
        services.AddSupervisor(o => o.WorkerExecutable = worker);
        ServiceProvider provider = services.BuildServiceProvider();
        Supervisor supervisor = provider.GetRequiredService<Supervisor>();
        using (IDisposable subscription = supervisor.Events.Subscribe(counts.Take))
        {
            mark = await RunOperationsAsync(supervisor, new Random(seed), seconds, maxAlive, counts, figures);

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
            Console.WriteLine("our children after stop all and the last sweeps (the guard and the fork server expected): " + string.Join(", ", ProcessTools.Children(Environment.ProcessId).Select(Describe)));
            figures.HeapEndAliveMiB = Heap() / 1048576.0;
        }

        await provider.DisposeAsync(); // the fork server and the guard end here
        return mark;
    }

    /// <summary>Random operations until the time is up; returns the guard mark the workers carry (to look for them at the end).</summary>
    private static async Task<string?> RunOperationsAsync(Supervisor supervisor, Random random, int seconds, int maxAlive, Counts counts, Figures figures)
    {
        List<Task> pending = [];
        string? mark = null;
        Stopwatch clock = Stopwatch.StartNew();
        TimeSpan warmedUp = TimeSpan.FromSeconds(seconds * 0.2);
        TimeSpan nextSample = TimeSpan.Zero;
        bool measured = false;
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            WorkerInfo[] alive = [.. supervisor.Snapshot().Where(w => w.Exit is null)];
            WorkerInfo? any = alive.Length > 0 ? alive[random.Next(alive.Length)] : null;
            int roll = random.Next(100);
            try
            {
                switch (roll)
                {
                    case < 30 when alive.Length < maxAlive:
                        supervisor.Spawn(RandomSpec(random));
                        counts.Op("spawn");
                        break;
                    case < 40 when any is not null:
                        counts.Op(supervisor.Pause(any.Worker) ? "pause" : "pause (refused)");
                        break;
                    case < 52 when alive.FirstOrDefault(w => w.PausedByUser) is { } paused:
                        counts.Op(supervisor.Resume(paused.Worker) ? "resume" : "resume (refused)");
                        break;
                    case < 62 when any is not null:
                        pending.Add(supervisor.JoinAsync(any.Worker, TimeSpan.FromMilliseconds(random.Next(10, 300))));
                        counts.Op("join with timeout");
                        break;
                    case < 70 when any is not null:
                        pending.Add(supervisor.TerminateAsync(any.Worker, TimeSpan.FromMilliseconds(random.Next(50, 500))));
                        counts.Op("terminate");
                        break;
                    case < 76 when any is not null:
                        counts.Op(supervisor.Kill(any.Worker) ? "kill" : "kill (refused)");
                        break;
                    case < 78:
                        bool pauseOnWait = random.Next(2) == 0;
                        supervisor.SetScheduling(pauseOnWait ? SchedulingMode.PauseOnWait : SchedulingMode.Parallel, random.Next(1, 4));
                        counts.Op(pauseOnWait ? "mode: pause-on-wait" : "mode: parallel");
                        break;
                    case < 80 when alive.Length < maxAlive:
                        ImmutableArray<PoolTask> inputs = [.. Enumerable.Range(1, random.Next(5, 40)).Select(n => new PoolTask(WorkerKind.Square, n.ToString(CultureInfo.InvariantCulture)))];
                        pending.Add(supervisor.JoinPoolAsync(supervisor.StartPool(new PoolRequest(inputs, random.Next(1, 4), new Workload(1, random.Next(0, 30), random.Next(0, 30))))));
                        counts.Op("pool");
                        break;
                    default:
                        break;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                counts.Op("refused: " + e.GetType().Name); // a worker that ended in between: the supervisor says no, politely
            }

            mark ??= alive.Select(w => w.Pid).OfType<int>().Select(GuardMark).FirstOrDefault(m => m is not null);
            pending.RemoveAll(t => t.IsCompleted);
            if (clock.Elapsed >= nextSample)
            {
                nextSample += TimeSpan.FromSeconds(1);
                figures.PeakRssMiB = Math.Max(figures.PeakRssMiB, RssMiB());
                figures.PeakAlive = Math.Max(figures.PeakAlive, alive.Length);
                if (!measured && clock.Elapsed >= warmedUp)
                {
                    measured = true;
                    figures.HeapWarmMiB = Heap() / 1048576.0;
                    figures.WorkersWarm = supervisor.Snapshot().Length;
                }
            }

            await Task.Delay(random.Next(2, 25));
        }

        await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(60)).ContinueWith(_ => { }, TaskScheduler.Default);
        return mark;
    }

    private static WorkerSpec RandomSpec(Random random)
    {
        if (random.Next(3) == 0)
        {
            return WorkerSpec.Command(Misbehaving[random.Next(Misbehaving.Length)]);
        }

        string n = random.Next(1, 1_000_000).ToString(CultureInfo.InvariantCulture);
        Workload load = new(random.Next(0, 8), random.Next(0, 150), random.Next(0, 200));
        return random.Next(2) == 0 ? WorkerSpec.Square(n, load) : WorkerSpec.Cube(n, load);
    }

    /// <summary>The <c>TUIPROC_GUARD_token=</c> prefix in a worker's environment, if it can be read.</summary>
    private static string? GuardMark(int pid)
    {
        try
        {
            foreach (string entry in File.ReadAllText($"/proc/{pid}/environ").Split('\0'))
            {
                if (entry.StartsWith("TUIPROC_GUARD_", StringComparison.Ordinal) && entry.IndexOf('=', StringComparison.Ordinal) is > 0 and int eq)
                {
                    return entry[..(eq + 1)];
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>Every process on the machine carrying <paramref name="mark"/>: ours, wherever it went.</summary>
    private static IEnumerable<int> Marked(string mark)
    {
        byte[] needle = Encoding.ASCII.GetBytes(mark);
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            byte[] environ;
            try
            {
                environ = File.ReadAllBytes(dir + "/environ");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (environ.AsSpan().IndexOf(needle) >= 0 && ProcState(pid) is not (null or 'Z'))
            {
                yield return pid;
            }
        }
    }

    private static char? ProcState(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2];
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string Describe(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return $"{pid} ({File.ReadAllText($"/proc/{pid}/comm").Trim()}, state {f[0]}, parent {f[1]}, group {f[2]}, session {f[3]})";
        }
        catch (IOException)
        {
            return $"{pid} (gone)";
        }
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double RssMiB()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return 0;
    }

    private static void Print(Counts counts, Figures f, List<string> problems)
    {
        Console.WriteLine($"operations: {string.Join(", ", counts.Operations.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"))}");
        Console.WriteLine($"workers: {f.Workers} spawned ({f.PeakAlive} alive at most); ended events {counts.Ended}; exits: {string.Join(", ", counts.Exits.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"))}");
        Console.WriteLine($"left behind by workers and ended by the sweeper: {counts.LeftBehindEnded}; survivors reported: {counts.LeftBehindSurvived}; events dropped for the subscriber: {counts.Dropped}");
        Console.WriteLine($"stop all at the end: {f.StopAllMs:0} ms");
        Console.WriteLine($"managed heap, MiB: before {f.HeapBeforeMiB:0.0}, warmed up {f.HeapWarmMiB:0.0} ({f.WorkersWarm} workers known), at the end {f.HeapEndAliveMiB:0.0} ({f.Workers} workers known), after disposing {f.HeapAfterMiB:0.0}");
        Console.WriteLine($"resident, MiB: before {f.RssBeforeMiB:0.0}, peak {f.PeakRssMiB:0.0}, after {f.RssAfterMiB:0.0}");
        Console.WriteLine(problems.Count == 0 ? "soak: every check passed (every worker ended, nothing of ours left running, the heap back down)" : "soak: FAILED\n  " + string.Join("\n  ", problems));
    }

    private sealed class Figures
    {
        public double HeapBeforeMiB { get; set; }

        public double HeapWarmMiB { get; set; }

        public double HeapEndAliveMiB { get; set; }

        public double HeapAfterMiB { get; set; }

        public double RssBeforeMiB { get; set; }

        public double PeakRssMiB { get; set; }

        public double RssAfterMiB { get; set; }

        public int Workers { get; set; }

        public int WorkersWarm { get; set; }

        public int PeakAlive { get; set; }

        public double StopAllMs { get; set; }
    }

    /// <summary>What the event stream said, counted on the subscriber's thread; operations counted on the driver's.</summary>
    private sealed class Counts
    {
        private long _spawned, _ended, _leftEnded, _leftSurvived, _dropped;

        public ConcurrentDictionary<string, int> Operations { get; } = new();

        public ConcurrentDictionary<string, int> Exits { get; } = new();

        public long Spawned => Interlocked.Read(ref _spawned);

        public long Ended => Interlocked.Read(ref _ended);

        public long LeftBehindEnded => Interlocked.Read(ref _leftEnded);

        public long LeftBehindSurvived => Interlocked.Read(ref _leftSurvived);

        public long Dropped => Interlocked.Read(ref _dropped);

        public void Op(string name) => Operations.AddOrUpdate(name, 1, (_, n) => n + 1);

        public void Take(SupervisorEvent e)
        {
            switch (e)
            {
                case WorkerSpawned:
                    Interlocked.Increment(ref _spawned);
                    break;
                case WorkerEnded ended:
                    Interlocked.Increment(ref _ended);
                    Exits.AddOrUpdate(ended.Exit.Kind.ToString(), 1, (_, n) => n + 1);
                    break;
                case ProcessLeftBehind left:
                    Interlocked.Increment(ref left.Ended ? ref _leftEnded : ref _leftSurvived);
                    break;
                case EventsDropped dropped:
                    Interlocked.Add(ref _dropped, dropped.Count);
                    break;
                default:
                    break;
            }
        }
    }
}
