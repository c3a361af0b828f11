using Microsoft.Reactive.Testing;
using NSubstitute;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Tests.TestSupport;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Supervision;

/// <summary>
/// Starting a worker in two phases: its ID at once, its process on the launch scheduler outside the gate,
/// and nothing published about it before its <see cref="WorkerSpawned"/>.
/// </summary>
public sealed class SupervisorLaunchTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static string[] Names(SupervisorHarness h) => [.. h.Events.Select(e => e.GetType().Name)];

    [Fact]
    public void Spawn_ReturnsBeforeTheStart_AndWhatIsAskedMeanwhile_ComesAfterItsSpawned()
    {
        TestScheduler launch = new();
        using SupervisorHarness h = new(launch: launch);

        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("3"));
        Assert.True(h.Supervisor.Pause(id));
        Task<WorkerExit?> join = h.Supervisor.JoinAsync(id);

        h.Os.Launcher.DidNotReceive().Start(Arg.Any<LaunchRequest>(), Arg.Any<IProcessEvents>());
        Assert.Empty(h.Events);
        Assert.Equal(WorkerState.Starting, h.Supervisor.Snapshot()[0].State);

        launch.Start();

        Assert.Equal(["WorkerSpawned", "SignalSent", "JoinStarted"], Names(h));
        Assert.Equal(ProcessSignal.Stop, h.Of<SignalSent>().Single().Signal);
        h.Os.HandleOf(100).Received(1).SignalGroup(ProcessSignal.Stop);
        Assert.False(join.IsCompleted);
    }

    [Fact]
    public void WhatTheProcessReportsBeforeTheStartIsOver_ComesAfterSpawned_InOrder()
    {
        // The I/O thread can read a fast worker's output, and even its exit, before the launcher returns.
        using SupervisorHarness h = new();
        h.Os.DuringStart = (pid, events) =>
        {
            events.OnOutput(OutputChannel.Stdout, ["Square: 9"]);
            events.OnExited(WorkerExit.Exited(0));
        };

        h.Supervisor.Spawn(WorkerSpec.Square("3"));

        Assert.Equal(["WorkerSpawned", "OutputLine", "WorkerStateChanged", "WorkerEnded"], Names(h));
        Assert.Equal(Enumerable.Range(1, 4).Select(i => (long)i), h.Events.Select(e => e.Sequence));
    }

    [Fact]
    public void SnapshotWhileAWorkerStarts_LeavesItOut_ItsSpawnedFollows()
    {
        TestScheduler launch = new();
        using SupervisorHarness h = new(launch: launch);
        h.Supervisor.Spawn(WorkerSpec.Square("3"));
        List<SupervisorEvent> late = [];
        using IDisposable sub = h.Supervisor.EventsWithSnapshot.Subscribe(late.Add);

        launch.Start();

        Assert.Empty(Assert.IsType<SupervisorSnapshot>(late[0]).Workers);
        Assert.IsType<WorkerSpawned>(late[1]);
    }

    [Fact]
    public async Task LauncherThatHangs_TheSupervisorStaysResponsive_AndLaterSpawnsWaitTheirTurn()
    {
        // Pins: Spawn called the launcher under the gate, and a fork server that stopped answering froze
        // every thread that needed the gate (the UI's keys, the I/O thread's output) for its 5 s timeout.
        using ClockThreadScheduler launch = new("test-launch");
        using SupervisorHarness h = new(launch: launch);
        using ManualResetEventSlim forkServerStopped = new(false);
        h.Os.DuringStart = (pid, _) =>
        {
            if (pid == 101)
            {
                forkServerStopped.Wait(Bound);
            }
        };
        WorkerId first = h.Supervisor.Spawn(WorkerSpec.Square("1"));
        await Eventually.UntilAsync(() => h.Of<WorkerSpawned>().Any(), "the first spawn");

        WorkerId hung = h.Supervisor.Spawn(WorkerSpec.Square("2"));
        await Eventually.UntilAsync(() => h.Os.Processes.ContainsKey(101), "the second start inside the launcher");
        Task others = Task.Run(() =>
        {
            Assert.True(h.Supervisor.Pause(first));
            h.Os.EventsOf(100).OnOutput(OutputChannel.Stdout, ["still flowing"]);
            _ = h.Supervisor.Snapshot();
            return h.Supervisor.Spawn(WorkerSpec.Square("3"));
        });
        await others.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Contains(h.Of<OutputLine>(), l => l.Text == "still flowing");
        Assert.Single(h.Of<WorkerSpawned>());

        forkServerStopped.Set();
        await Eventually.UntilAsync(() => h.Of<WorkerSpawned>().Count() == 3, "three spawns");
        Assert.Equal([1, 2, 3], h.Of<WorkerSpawned>().Select(s => s.Worker.Value));
        Assert.Equal(2, hung.Value);
    }

    [Fact]
    public void StartNote_OfTheLauncher_IsOnTheSpawnedEvent()
    {
        using SupervisorHarness h = new();
        h.Os.DuringStart = (pid, _) => h.Os.HandleOf(pid).StartNote.Returns("started with posix_spawn: the fork server stopped answering");

        h.Supervisor.Spawn(WorkerSpec.Square("3"));

        Assert.Equal("started with posix_spawn: the fork server stopped answering", h.Of<WorkerSpawned>().Single().Note);
    }

    [Fact]
    public void Pool_WorkersGetInputsOnceStarted_AReplacementIsAnnouncedAfterItsSpawned()
    {
        TestScheduler launch = new();
        using SupervisorHarness h = new(launch: launch);
        h.Supervisor.StartPool(new PoolRequest([new PoolTask(WorkerKind.Square, "1"), new PoolTask(WorkerKind.Square, "2"), new PoolTask(WorkerKind.Square, "3")], 2, new Workload(1, 0, 0)));
        Assert.Equal(["PoolStarted"], Names(h));

        launch.Start();
        Assert.Equal(["PoolStarted", "WorkerSpawned", "PoolTaskAssigned", "WorkerSpawned", "PoolTaskAssigned"], Names(h));

        h.Os.Exit(100, WorkerExit.Signaled(9, "SIGKILL"));
        Assert.Empty(h.Of<PoolWorkerReplaced>()); // its replacement has not started yet
        launch.Start();

        int spawned = Array.LastIndexOf(Names(h), "WorkerSpawned");
        int replaced = Array.IndexOf(Names(h), "PoolWorkerReplaced");
        Assert.True(spawned < replaced, string.Join(", ", Names(h)));
        PoolWorkerReplaced r = h.Of<PoolWorkerReplaced>().Single();
        Assert.Equal((1, 3), (r.Worker.Value, r.Replacement!.Value.Value));
        Assert.Equal("square 3\n", h.Os.InputOf(102));
    }

    [Fact]
    public void Dispose_WhileAWorkerIsBeingStarted_ItIsKilledOnceStarted_AndNoneAfterItStarts()
    {
        TestScheduler launch = new();
        using SupervisorHarness h = new(launch: launch);
        h.Os.DuringStart = (pid, _) =>
        {
            if (pid == 100)
            {
                h.Supervisor.Dispose(); // shut down while the launcher is busy with it
            }
        };
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Supervisor.Spawn(WorkerSpec.Square("2"));

        launch.Start();

        h.Os.HandleOf(100).Received().SignalGroup(ProcessSignal.Kill);
        Assert.False(h.Os.Processes.ContainsKey(101));
        Assert.Equal(ExitKind.FailedToStart, h.Supervisor.Snapshot()[1].Exit!.Kind);
    }

    [Fact]
    public async Task TerminateAll_WhileAWorkerIsBeingStarted_TerminatesItOnceStarted()
    {
        TestScheduler launch = new();
        using SupervisorHarness h = new(launch: launch);
        h.Supervisor.Spawn(WorkerSpec.Square("1"));

        Task all = h.Supervisor.TerminateAllAsync();
        launch.Start();

        h.Os.HandleOf(100).Received(1).SignalGroup(ProcessSignal.Terminate);
        Assert.False(all.IsCompleted);
        h.Os.Exit(100, WorkerExit.Signaled(15, "SIGTERM"));
        await all.WaitAsync(Bound);
    }
}
