using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Grpc.Net.Client;
using NSubstitute;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Server;
using TuiProcManager.Sessions.Tests.Transport;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>
/// A session server as the app composes it (SessionServerHost), on a socket of its own: a supervisor on a
/// <see cref="FakeOs"/> with real threads (the screen stream is paced on its clock), the history fed by a
/// lossless subscription, the linger, the service, and Kestrel on the socket. Each test makes its own.
/// </summary>
/// <remarks>
/// Disposal closes every connection opened through it, stops the server, kills what the fake OS still runs
/// (immediate shutdown: fake workers never end by themselves), then stops the threads.
/// </remarks>
internal sealed class LiveSession : IAsyncDisposable
{
    private readonly TempSocketDirectory _directory = new();
    private readonly ClockThreadScheduler _clock = new("test-clock");
    private readonly ClockThreadScheduler _labThread = new("test-lab"); // a thread of its own, as the app's
    private readonly List<SessionConnection> _connections = [];
    private IDisposable? _keeping;
    private IDisposable? _checking;
    private int _endCalls;
    private int _lingerExpired;

    private LiveSession(TimeSpan? linger, SessionLab? lab, Func<Task<string?>>? finish)
    {
        Supervisor = new Supervisor(
            Os.Launcher,
            Os.Probe,
            new SupervisorSchedulers(_clock, DefaultScheduler.Instance, null), // the thread pool, as in the app (TaskPoolScheduler is ambiguous here: Rx 3 comes with Microsoft.Reactive.Testing)
            new SupervisorOptions { WorkerExecutable = "/opt/tuiproc-worker" });
        _keeping = Supervisor.Tap(History); // as the app's server: the history a tap, the lab its own lossless batches
        _checking = lab is null ? null : Supervisor.LosslessBatches("the lab's checks", _labThread).Subscribe(lab.Keeper.ObserveAll);
        Linger = new SessionLinger(linger, TimeProvider.System, () => History.Alive, () => Interlocked.Increment(ref _lingerExpired));
        History.WorkersChanged += Linger.WorkersChanged;
        Service = new SessionService(
            Supervisor, History, Linger, new SessionInfo("live", DateTimeOffset.UtcNow, Environment.ProcessId), TimeProvider.System, () => Interlocked.Increment(ref _endCalls))
        {
            Lab = lab,
            Notices = Notices,
            Finish = finish,
        };
        SocketPath = _directory.PathOf("live.sock");
    }

    public FakeOs Os { get; } = new();

    /// <summary>What the server says to its clients (WatchNotices).</summary>
    public SessionNotices Notices { get; } = new(TimeProvider.System);

    public Supervisor Supervisor { get; }

    public SessionHistory History { get; } = new();

    public SessionLinger Linger { get; }

    public SessionService Service { get; }

    public string SocketPath { get; }

    /// <summary>The server on <see cref="SocketPath"/>; tests that stop it mid-stream dispose it themselves.</summary>
    public SessionSocketServer Server { get; private set; } = null!;

    /// <summary>How many times the service has ended the session (End's callback).</summary>
    public int EndCalls => Volatile.Read(ref _endCalls);

    /// <summary>A session serving on a new socket. Its shutdown grace is short: a test that stops it with a stream open waits that long.</summary>
    /// <param name="linger">The linger (null: for ever).</param>
    /// <param name="lab">The session's lab, fed every event as the app's server feeds it; null: none.</param>
    /// <param name="finish">What End waits for before it replies (the app's: stop the supervisor, close the events file); null: nothing.</param>
    public static async Task<LiveSession> StartAsync(TimeSpan? linger = null, SessionLab? lab = null, Func<Task<string?>>? finish = null)
    {
        LiveSession session = new(linger, lab, finish);
        try
        {
            session.Server = await SessionSocketServer.StartAsync(
                session.SocketPath, session.Service, new SessionSocketServerOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(500) }, Bounded.Token());
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client connected and past Hello, closed with the session.</summary>
    public async Task<SessionConnection> ConnectAsync(string client = "test")
    {
        SessionConnection connection = await SessionConnection.OpenAsync(SessionChannel.ForSocket(SocketPath), client, Bounded.Token());
        lock (_connections)
        {
            _connections.Add(connection);
        }

        return connection;
    }

    /// <summary>A bare channel to the socket (no Hello), for calls made by hand; the caller disposes it.</summary>
    public GrpcChannel OpenChannel() => SessionChannel.ForSocket(SocketPath);

    /// <summary>Spawns a square worker in process and returns its ID and the fake PID it got.</summary>
    public async Task<(WorkerId Worker, int Pid)> SpawnAsync(string number = "7")
    {
        WorkerId id = await Supervisor.SpawnAsync(WorkerSpec.Square(number));
        int pid = Supervisor.Snapshot().Single(w => w.Worker == id).Pid!.Value;
        return (id, pid);
    }

    /// <summary>The signals sent so far to the process group of <paramref name="pid"/>, in order.</summary>
    public IReadOnlyList<ProcessSignal> GroupSignalsTo(int pid) =>
        [.. Os.HandleOf(pid).ReceivedCalls()
            .Where(c => c.GetMethodInfo().Name == nameof(IProcessHandle.SignalGroup))
            .Select(c => (ProcessSignal)c.GetArguments()[0]!)];

    /// <summary>Waits until <paramref name="pid"/>'s group got <paramref name="signal"/>, then ends the fake process with <paramref name="exit"/>.</summary>
    public async Task ExitWhenSignalledAsync(int pid, ProcessSignal signal, WorkerExit exit)
    {
        await Poll.UntilAsync(() => GroupSignalsTo(pid).Contains(signal), $"{signal} to pid {pid}");
        // The supervisor signals under its lock, and a terminate sends SIGCONT right after SIGTERM: taking the
        // lock (a snapshot) waits for that to be over, since the fake's exit makes every later signal fail.
        _ = Supervisor.Snapshot();
        Os.Exit(pid, exit);
    }

    public async ValueTask DisposeAsync()
    {
        SessionConnection[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        foreach (SessionConnection connection in connections)
        {
            connection.Dispose();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Supervisor.Dispose();
        _keeping?.Dispose();
        _keeping = null;
        _checking?.Dispose();
        _checking = null;
        Linger.Dispose();
        Notices.Dispose();
        _labThread.Dispose();
        _clock.Dispose();
        _directory.Dispose();
    }
}
