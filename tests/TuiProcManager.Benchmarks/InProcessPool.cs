using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime;
using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Core.DependencyInjection;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.DependencyInjection;

namespace TuiProcManager.Benchmarks;

/// <summary>One pool run through the supervisor: wall time, where it went, and whether every result was right.</summary>
/// <param name="WallMs">From StartPool to JoinPoolAsync completing.</param>
/// <param name="StartupMs">From the pool's start to its first result (two workers started, the first input read and answered).</param>
/// <param name="MapMs">From the first result to the last.</param>
/// <param name="CloseMs">From the last result to the pool joined (stdin closed, workers exited and reaped).</param>
internal sealed record PoolTiming(double WallMs, double StartupMs, double MapMs, double CloseMs);

/// <summary>
/// Our side of the pool benchmark, in process: a real supervisor (fork server on or off), warmed up by one
/// spawn and one untimed pool, mapping square over 1..N with <see cref="Supervisor.StartPool"/>.
/// </summary>
internal sealed class InProcessPool : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly Supervisor _supervisor;
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();
    private readonly List<SupervisorEvent> _events = []; // pool events only, in stream order
    private readonly Dictionary<PoolId, TaskCompletionSource> _finished = [];

    private InProcessPool(ServiceProvider provider)
    {
        _provider = provider;
        _supervisor = provider.GetRequiredService<Supervisor>();
        _subscription = _supervisor.Events.Subscribe(Take);
    }

    /// <summary>The untimed first pool's wall time: what the pool's code costs before the JIT has compiled it.</summary>
    public double FirstPoolMs { get; private set; }

    /// <summary>Time the JIT spent compiling during the first pool, on every thread (<see cref="JitInfo"/>).</summary>
    public double FirstPoolJitMs { get; private set; }

    /// <summary>Methods the JIT compiled during the first pool.</summary>
    public long FirstPoolJitMethods { get; private set; }

    /// <summary>A supervisor of its own, its fork server started (when used) and the pool code warmed up.</summary>
    public static async Task<InProcessPool> StartAsync(string worker, bool forkServer, int count, int size)
    {
        ServiceCollection services = new();
        services.AddLinuxProcessControl(o =>
        {
            o.WorkerExecutable = worker;
            o.UseForkServer = forkServer;
        });
        services.AddSupervisor(o => o.WorkerExecutable = worker);
        InProcessPool pool = new(services.BuildServiceProvider());
        await pool._supervisor.JoinAsync(pool._supervisor.Spawn(WorkerSpec.Square("10")));
        TimeSpan jit = JitInfo.GetCompilationTime();
        long methods = JitInfo.GetCompiledMethodCount();
        pool.FirstPoolMs = (await pool.MapAsync(count, size)).WallMs; // the JIT, and the first pool's one-off costs
        pool.FirstPoolJitMs = (JitInfo.GetCompilationTime() - jit).TotalMilliseconds;
        pool.FirstPoolJitMethods = JitInfo.GetCompiledMethodCount() - methods;
        return pool;
    }

    /// <summary>Maps square over 1..<paramref name="count"/> with <paramref name="size"/> workers; throws unless every result is right.</summary>
    public async Task<PoolTiming> MapAsync(int count, int size)
    {
        PoolRequest request = new([.. Enumerable.Range(1, count).Select(n => new PoolTask(WorkerKind.Square, n.ToString(CultureInfo.InvariantCulture)))], size, Workload.Instant);
        long start = Stopwatch.GetTimestamp();
        PoolId id = _supervisor.StartPool(request);
        PoolOutcome outcome = await _supervisor.JoinPoolAsync(id);
        double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        Task finished;
        lock (_gate)
        {
            finished = Finished(id).Task;
        }

        await finished.WaitAsync(TimeSpan.FromSeconds(30)); // every event of the pool delivered
        ImmutableArray<SupervisorEvent> events;
        lock (_gate)
        {
            events = [.. _events.Where(e => (e is PoolStarted s && s.Pool == id) || (e is ResultRecorded r && r.Pool == id) || (e is PoolFinished f && f.Pool == id))];
        }

        Check(id, outcome, count, [.. events.OfType<ResultRecorded>()]);
        DateTimeOffset started = events.OfType<PoolStarted>().Single().Time, ended = events.OfType<PoolFinished>().Single().Time;
        DateTimeOffset first = events.OfType<ResultRecorded>().Min(r => r.Time), last = events.OfType<ResultRecorded>().Max(r => r.Time);
        return new PoolTiming(wall, (first - started).TotalMilliseconds, (last - first).TotalMilliseconds, (ended - last).TotalMilliseconds);
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _provider.DisposeAsync();
    }

    private static void Check(PoolId id, PoolOutcome outcome, int count, ResultRecorded[] results)
    {
        int right = results.Count(r => r.Index is { } i && r.Result == BigInteger.Pow(i + 1, 2).ToString(CultureInfo.InvariantCulture));
        if (!outcome.AllSucceeded || outcome.Succeeded != count || results.Length != count || right != count
            || results.Select(r => r.Index).Distinct().Count() != count)
        {
            throw new InvalidOperationException($"pool {id}: {outcome}, {results.Length} results, {right} right; expected {count}");
        }
    }

    private void Take(SupervisorEvent e)
    {
        if (e is not (PoolStarted or ResultRecorded or PoolFinished))
        {
            return;
        }

        lock (_gate)
        {
            _events.Add(e);
            if (e is PoolFinished f)
            {
                Finished(f.Pool).TrySetResult();
            }
        }
    }

    /// <summary>Caller holds the gate.</summary>
    private TaskCompletionSource Finished(PoolId id) =>
        _finished.TryGetValue(id, out TaskCompletionSource? done) ? done : _finished[id] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
}
