using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Core.DependencyInjection;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.DependencyInjection;

namespace TuiProcManager.Benchmarks;

/// <summary>One run of the same workers in one mode: what it took and what it cost.</summary>
/// <param name="MakespanMs">From the first spawn to the last worker joined.</param>
/// <param name="SupervisorCpuMsPerS">CPU of every thread of this process but the sampler, per second of run (schedstat).</param>
/// <param name="ClockCpuMsPerS">CPU of the supervisor's clock thread (state and wake polls), per second of run.</param>
/// <param name="ClockWakeupsPerS">Times the clock thread was scheduled, per second of run.</param>
/// <param name="JitCpuMsPerS">CPU of the JIT's tier-up thread (included in <paramref name="SupervisorCpuMsPerS"/>), per second of run.</param>
/// <param name="Samples">The sampler's readings: when, and how many workers were in state R.</param>
/// <param name="Wakes">The scheduler's wake-up decisions, each with its <see cref="WorkerScheduled.NoticedWithin"/>.</param>
internal sealed record ScheduleRun(
    double MakespanMs,
    double SupervisorCpuMsPerS,
    double ClockCpuMsPerS,
    double ClockWakeupsPerS,
    double JitCpuMsPerS,
    IReadOnlyList<(long At, int Running)> Samples,
    ImmutableArray<WorkerScheduled> Wakes);

/// <summary>
/// A real supervisor in this process (fork server, default options: wake polls every 1 ms) that runs the
/// same workers in parallel, in pause-on-wait with K slots, or one after another, watched by a
/// <see cref="StateSampler"/>, and accounts its own threads' CPU from /proc/self/task/*/schedstat.
/// </summary>
internal sealed class SchedulingRig : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly Supervisor _supervisor;
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();
    private readonly List<WorkerScheduled> _wakes = [];
    private readonly HashSet<WorkerId> _ended = [];

    public SchedulingRig(string worker)
    {
        ServiceCollection services = new();
        services.AddLinuxProcessControl(o => o.WorkerExecutable = worker);
        services.AddSupervisor(o => o.WorkerExecutable = worker);
        _provider = services.BuildServiceProvider();
        _supervisor = _provider.GetRequiredService<Supervisor>();
        _subscription = _supervisor.Events.Subscribe(Take);
    }

    /// <summary>Runs the workers; <paramref name="slots"/> 0 means parallel mode.</summary>
    public async Task<ScheduleRun> RunAsync(IReadOnlyList<WorkerSpec> specs, int slots, bool oneAfterAnother, TimeSpan sampleEvery)
    {
        _supervisor.SetScheduling(slots > 0 ? SchedulingMode.PauseOnWait : SchedulingMode.Parallel, Math.Max(1, slots));
        Dictionary<int, (string Name, long Nanoseconds, long Runs)> before = ProcStat.Threads(Environment.ProcessId);
        using StateSampler sampler = new(sampleEvery);
        List<WorkerId> ids = [];
        long start = Stopwatch.GetTimestamp();
        foreach (WorkerSpec spec in specs)
        {
            WorkerId id = _supervisor.Spawn(spec);
            ids.Add(id);
            sampler.Add(_supervisor.Snapshot().Single(w => w.Worker == id).Pid!.Value);
            if (oneAfterAnother)
            {
                await Joined(id);
            }
        }

        foreach (WorkerId id in ids)
        {
            await Joined(id);
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        IReadOnlyList<(long, int)> samples = sampler.Stop();
        Dictionary<int, (string Name, long Nanoseconds, long Runs)> after = ProcStat.Threads(Environment.ProcessId);

        // Every end delivered means every decision about those workers delivered (one ordered stream).
        Stopwatch bound = Stopwatch.StartNew();
        while (bound.Elapsed < TimeSpan.FromSeconds(10) && !ids.All(Ended))
        {
            await Task.Delay(5);
        }

        ImmutableArray<WorkerScheduled> wakes;
        lock (_gate)
        {
            wakes = [.. _wakes.Where(w => ids.Contains(w.Worker))];
        }

        (double ns, long runs) clock = Delta(before, after, name => name == "tuiproc-clock");
        (double ns, long _) all = Delta(before, after, name => name != StateSampler.ThreadName);
        (double ns, long _) jit = Delta(before, after, name => name.StartsWith(".NET Tiered", StringComparison.Ordinal));
        return new ScheduleRun(seconds * 1000, all.ns / 1e6 / seconds, clock.ns / 1e6 / seconds, clock.runs / seconds, jit.ns / 1e6 / seconds, samples, wakes);
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _provider.DisposeAsync();
    }

    private async Task Joined(WorkerId id)
    {
        WorkerExit? exit = await _supervisor.JoinAsync(id, TimeSpan.FromMinutes(2));
        if (exit?.Succeeded != true)
        {
            throw new InvalidOperationException($"worker {id}: {exit?.ToString() ?? "still running after 2 minutes"}");
        }
    }

    /// <summary>CPU nanoseconds and schedulings of the threads named as <paramref name="which"/> says, between two readings.</summary>
    private static (double Ns, long Runs) Delta(
        Dictionary<int, (string Name, long Nanoseconds, long Runs)> before,
        Dictionary<int, (string Name, long Nanoseconds, long Runs)> after,
        Func<string, bool> which)
    {
        double ns = 0;
        long runs = 0;
        foreach ((int tid, (string name, long nanoseconds, long r)) in after.Where(t => which(t.Value.Name)))
        {
            (_, long ns0, long r0) = before.GetValueOrDefault(tid);
            ns += nanoseconds - ns0;
            runs += r - r0;
        }

        return (ns, runs);
    }

    private bool Ended(WorkerId id)
    {
        lock (_gate)
        {
            return _ended.Contains(id);
        }
    }

    private void Take(SupervisorEvent e)
    {
        lock (_gate)
        {
            if (e is WorkerScheduled { NoticedWithin: not null } wake)
            {
                _wakes.Add(wake);
            }
            else if (e is WorkerEnded ended)
            {
                _ended.Add(ended.Worker);
            }
        }
    }
}
