using System.Collections.Immutable;
using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Processes;
using TuiProcManager.Linux.Proc;

namespace TuiProcManager.Linux.Tests.TestSupport;

/// <summary>The real thing: a supervisor over posix_spawn, epoll, pidfd and /proc, running real workers.</summary>
internal sealed class RealSupervisor : IAsyncDisposable
{
    /// <summary>Every wait in these tests is bounded by this.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static readonly string WorkerPath = Path.Combine(AppContext.BaseDirectory, "worker", "tuiproc-worker");

    private readonly List<SupervisorEvent> _events = [];
    private readonly IoLoop _io;
    private readonly OrphanGuard _guard;
    private readonly ForkServer _forkServer;
    private readonly LinuxProcessLauncher _launcher;
    private readonly ClockThreadScheduler _clock = new("test-clock"); // as in the app
    private readonly ClockThreadScheduler _launch = new("test-launch"); // as in the app: starts outside the gate
    private readonly IDisposable _recording;

    /// <param name="configure">Changes to the default options.</param>
    /// <param name="linux">Changes to the launcher's options.</param>
    /// <param name="probe">Wraps the probe the app registers (a test that counts its rounds).</param>
    public RealSupervisor(Action<SupervisorOptions>? configure = null, Action<LinuxProcessOptions>? linux = null, Func<IProcessProbe, IProcessProbe>? probe = null)
    {
        LinuxProcessOptions linuxOptions = new() { WorkerExecutable = WorkerPath };
        linux?.Invoke(linuxOptions);
        _io = new IoLoop(linuxOptions);
        _guard = new OrphanGuard(linuxOptions);
        _forkServer = new ForkServer(linuxOptions);
        _launcher = new LinuxProcessLauncher(_io, _guard, _forkServer, linuxOptions);
        SupervisorOptions options = new() { WorkerExecutable = WorkerPath };
        configure?.Invoke(options);
        IProcessProbe appProbe = new UnchangedProcessProbe(); // the probe the app registers
        Supervisor = new Supervisor(_launcher, probe?.Invoke(appProbe) ?? appProbe,
            new SupervisorSchedulers(_clock, TaskPoolScheduler.Default, _launch), options);
        _recording = Supervisor.Events.Subscribe(e =>
        {
            lock (_events)
            {
                _events.Add(e);
            }
        });
    }

    public Supervisor Supervisor { get; }

    public int? GuardPid => _guard.Pid;

    public ForkServer ForkServer => _forkServer;

    public ImmutableArray<SupervisorEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public IEnumerable<T> Of<T>(WorkerId? worker = null) where T : SupervisorEvent =>
        Events.OfType<T>().Where(e => worker is null || (e as WorkerEvent)?.Worker == worker);

    public string[] Lines(WorkerId worker) => [.. Of<OutputLine>(worker).Select(l => l.Text)];

    public async Task<WorkerExit> RunAsync(WorkerSpec spec)
    {
        WorkerId id = Supervisor.Spawn(spec);
        WorkerExit? exit = await Supervisor.JoinAsync(id).WaitAsync(Bound);
        await UntilAsync(() => Of<WorkerJoined>(id).Any()); // recorded by the subscriber, on another thread
        return exit!;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing after <see cref="Bound"/>.</summary>
    /// <summary>
    /// Joins <paramref name="id"/> (bounded) and waits until this recorder has the join: the join returns
    /// as the supervisor records the end, and the worker's last events (its end, its last output line)
    /// reach the recorder a moment later on the delivery thread; they come before the join in the stream.
    /// </summary>
    public async Task<WorkerExit?> JoinAsync(WorkerId id)
    {
        WorkerExit? exit = await Supervisor.JoinAsync(id).WaitAsync(Bound);
        await UntilAsync(() => Of<WorkerJoined>(id).Any(), $"the join of {id} recorded");
        return exit;
    }

    public static async Task UntilAsync(Func<bool> condition, string? what = null)
    {
        DateTime deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting: " + (what ?? "condition"));
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// The worker's PID once it has started (0 if the OS refused it): Spawn returns before the launch thread
    /// has started the process.
    /// </summary>
    public async Task<int> PidAsync(WorkerId id)
    {
        await UntilAsync(() => Supervisor.Snapshot()[id.Value - 1] is { } w && (w.Pid is not null || w.Exit is not null), $"worker {id} started");
        return Supervisor.Snapshot()[id.Value - 1].Pid ?? 0;
    }

    /// <summary>The PIDs of <paramref name="ids"/>, once each has started (0 for one the OS refused).</summary>
    public async Task<int[]> PidsAsync(IEnumerable<WorkerId> ids)
    {
        List<int> pids = [];
        foreach (WorkerId id in ids)
        {
            pids.Add(await PidAsync(id));
        }

        return [.. pids];
    }

    public Task UntilStateAsync(WorkerId id, WorkerState state) =>
        UntilAsync(() => Supervisor.Snapshot()[id.Value - 1].State == state, $"worker {id} {state}");

    public async ValueTask DisposeAsync()
    {
        await Supervisor.DisposeAsync();
        _recording.Dispose();
        _launcher.Dispose();
        _forkServer.Dispose();
        _guard.Dispose();
        _io.Dispose();
        _clock.Dispose();
    }
}
