using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Core.DependencyInjection;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.DependencyInjection;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// How long after a worker really changes state (running ↔ waiting) a subscriber sees the
/// <see cref="WorkerStateChanged"/> event. The truth is taken by polling /proc/PID/stat every
/// millisecond on a thread of our own; the event's arrival is timed in the subscriber.
/// </summary>
internal static class StateLatencyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int steps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
        string worker = Path.Combine(AppContext.BaseDirectory, "worker", "tuiproc-worker");
        ServiceCollection services = new();
        services.AddLinuxProcessControl(o => o.WorkerExecutable = worker);
        services.AddSupervisor(o => o.WorkerExecutable = worker);
        await using ServiceProvider provider = services.BuildServiceProvider();
        Supervisor supervisor = provider.GetRequiredService<Supervisor>();

        List<(long At, WorkerState To)> seen = [];
        using IDisposable subscription = supervisor.Events.Subscribe(e =>
        {
            if (e is WorkerStateChanged { To: WorkerState.Running or WorkerState.Waiting } c)
            {
                lock (seen)
                {
                    seen.Add((Stopwatch.GetTimestamp(), c.To));
                }
            }
        });

        WorkerId id = supervisor.Spawn(WorkerSpec.Square("7", new Workload(steps, 60, 60)));
        int pid = supervisor.Snapshot()[0].Pid!.Value;
        List<(long At, WorkerState To)> truth = [];
        Task<WorkerExit?> joined = supervisor.JoinAsync(id);
        Thread poller = new(() =>
        {
            char last = ' ';
            while (!joined.IsCompleted)
            {
                char state = ReadState(pid);
                if (state is 'R' or 'S' && state != last)
                {
                    truth.Add((Stopwatch.GetTimestamp(), state == 'R' ? WorkerState.Running : WorkerState.Waiting));
                    last = state;
                }

                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        poller.Start();
        await joined;
        poller.Join();

        List<double> latencies = [];
        foreach ((long at, WorkerState to) in seen)
        {
            // The latest true change to the same state at or before the event.
            (long At, WorkerState To)? cause = truth.LastOrDefault(t => t.To == to && t.At <= at);
            if (cause is { } c && c.At != 0)
            {
                latencies.Add(Stopwatch.GetElapsedTime(c.At, at).TotalMilliseconds);
            }
        }

        double[] sorted = [.. latencies.Order()];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"state changes seen: {sorted.Length} (true changes polled: {truth.Count}); latency ms: median {Stats.Median(sorted):0.0}, p95 {sorted[(int)(sorted.Length * 0.95)]:0.0}, max {sorted[^1]:0.0}"));
        return 0;
    }

    private static char ReadState(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2];
        }
        catch (IOException)
        {
            return ' ';
        }
    }
}
