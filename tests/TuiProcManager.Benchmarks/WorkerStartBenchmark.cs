using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Core.DependencyInjection;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.DependencyInjection;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// Which worker a publish ships, measured side by side in one run, rounds interleaved: (a) the small NativeAOT
/// <c>tuiproc-worker</c> (staged beside the benchmarks), (b) the app itself as a multi-call executable, started
/// under the name tuiproc-worker (a symlink of that name to <see cref="AppUnderTest"/>, which must be a native
/// publish). For each: start+join one at a time and 100 at once, with the fork server and with posix_spawn;
/// CPU per start (our own and the reaped workers', from /proc/self/stat); the fork server's and a sleeping
/// worker's resident memory; and Python's fork start method in the same rounds.
/// </summary>
internal static class WorkerStartBenchmark
{
    private const int Batch = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        int count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        string separate = Path.Combine(AppContext.BaseDirectory, "worker", "tuiproc-worker");
        string links = Directory.CreateTempSubdirectory("tuiproc-bench-multicall-").FullName;
        string multiCall = Path.Combine(links, "tuiproc-worker");
        File.CreateSymbolicLink(multiCall, AppUnderTest.Path);
        Console.WriteLine($"worker start: {rounds} rounds of {count} one at a time and {Batch} at once; (a) {separate} ({new FileInfo(separate).Length / 1024} KiB), (b) {AppUnderTest.Path} as tuiproc-worker ({new FileInfo(AppUnderTest.Path).Length / 1024} KiB); {Environment.ProcessorCount} cores");

        Variant[] variants =
        [
            await Variant.StartAsync("(a) separate, fork server", separate, forkServer: true),
            await Variant.StartAsync("(a) separate, posix_spawn", separate, forkServer: false),
            await Variant.StartAsync("(b) multi-call, fork server", multiCall, forkServer: true),
            await Variant.StartAsync("(b) multi-call, posix_spawn", multiCall, forkServer: false),
        ];
        try
        {
            List<double> pyOne = [], pyBatch = [];
            for (int r = 0; r < rounds; r++)
            {
                foreach (Variant v in variants)
                {
                    await v.MeasureAsync(count);
                }

                if (PythonSide.Available)
                {
                    (double one, double batch) = PythonSide.SpawnJoin("fork", count, Batch);
                    pyOne.Add(one);
                    pyBatch.Add(batch);
                }

                Console.WriteLine($"  round {r + 1} done");
            }

            double pyOneMedian = Stats.Median(pyOne), pyBatchMedian = Stats.Median(pyBatch);
            Console.WriteLine();
            Console.WriteLine($"| worker | start+join one at a time, ms | CPU per start, ms (ours + worker) | {Batch} at once, ms | {Batch} at once / python fork | fork server RSS (PSS), MiB | sleeping worker RSS (PSS), MiB |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            foreach (Variant v in variants)
            {
                Console.WriteLine(v.Row(pyBatchMedian));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| python fork | {pyOneMedian:0.00} | | {pyBatchMedian:0} | 1.00 | | |"));
        }
        finally
        {
            foreach (Variant v in variants)
            {
                await v.DisposeAsync();
            }

            Directory.Delete(links, recursive: true);
        }

        return 0;
    }

    private sealed class Variant(string name, string worker, ServiceProvider services, bool forkServer) : IAsyncDisposable
    {
        private readonly Supervisor _supervisor = services.GetRequiredService<Supervisor>();
        private readonly List<double> _one = [], _batch = [], _cpu = [];
        private (long Rss, long Pss) _server, _worker;

        public static async Task<Variant> StartAsync(string name, string worker, bool forkServer)
        {
            ServiceCollection services = new();
            services.AddLinuxProcessControl(o =>
            {
                o.WorkerExecutable = worker;
                o.UseForkServer = forkServer;
            });
            services.AddSupervisor(o => o.WorkerExecutable = worker);
            Variant v = new(name, worker, services.BuildServiceProvider(), forkServer);
            for (int i = 0; i < 10; i++)
            {
                await v._supervisor.JoinAsync(v._supervisor.Spawn(WorkerSpec.Square("10"))); // warm-up: the guard's and the fork server's start
            }

            return v;
        }

        public async Task MeasureAsync(int count)
        {
            WorkerSpec spec = WorkerSpec.Square("10");
            int self = Environment.ProcessId;
            double cpuBefore = ProcStat.CpuSeconds(self) + ProcStat.ReapedChildrenCpuSeconds(self);
            Stopwatch clock = Stopwatch.StartNew();
            for (int i = 0; i < count; i++)
            {
                await _supervisor.JoinAsync(_supervisor.Spawn(spec));
            }

            _one.Add(clock.Elapsed.TotalMilliseconds / count);
            _cpu.Add((ProcStat.CpuSeconds(self) + ProcStat.ReapedChildrenCpuSeconds(self) - cpuBefore) * 1000 / count);
            clock.Restart();
            WorkerId[] ids = [.. Enumerable.Range(0, Batch).Select(_ => _supervisor.Spawn(spec))];
            foreach (WorkerId id in ids)
            {
                await _supervisor.JoinAsync(id);
            }

            _batch.Add(clock.Elapsed.TotalMilliseconds);
            if (forkServer && ChildWith(worker, "--fork-server") is int server)
            {
                _server = (ProcStat.StatusKib(server, "VmRSS"), Pss(server));
            }

            WorkerId sleeper = _supervisor.Spawn(WorkerSpec.Square("10").WithWorkload(new Workload(1, 1, 1500)));
            await Task.Delay(700);
            if (_supervisor.Snapshot().FirstOrDefault(w => w.Worker == sleeper)?.Pid is int pid)
            {
                _worker = (ProcStat.StatusKib(pid, "VmRSS"), Pss(pid));
            }

            await _supervisor.JoinAsync(sleeper);
        }

        public string Row(double pyBatch) => string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Stats.Median(_one):0.00} | {Stats.Median(_cpu):0.00} | {Stats.Median(_batch):0} | {Stats.Median(_batch) / pyBatch:0.00} | {(forkServer ? $"{_server.Rss / 1024.0:0.0} ({_server.Pss / 1024.0:0.0})" : "")} | {_worker.Rss / 1024.0:0.0} ({_worker.Pss / 1024.0:0.0}) |");

        public async ValueTask DisposeAsync() => await services.DisposeAsync();

        /// <summary>Proportional set size: pages shared with others (the fork server's, COW) counted in shares.</summary>
        private static long Pss(int pid)
        {
            try
            {
                string? line = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
                return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                return 0;
            }
        }

        /// <summary>Our child started as <paramref name="program"/> <paramref name="argument"/>.</summary>
        private static int? ChildWith(string program, string argument)
        {
            foreach (string task in Directory.EnumerateDirectories($"/proc/{Environment.ProcessId}/task"))
            {
                foreach (string child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    try
                    {
                        string[] argv = File.ReadAllText($"/proc/{child}/cmdline").Split('\0');
                        if (argv.Length > 1 && argv[0] == program && argv[1] == argument)
                        {
                            return int.Parse(child, CultureInfo.InvariantCulture);
                        }
                    }
                    catch (IOException)
                    {
                        // Gone meanwhile.
                    }
                }
            }

            return null;
        }
    }
}
