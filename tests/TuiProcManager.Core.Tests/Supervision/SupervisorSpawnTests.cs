using NSubstitute;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Tests.TestSupport;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Supervision;

public sealed class SupervisorSpawnTests
{
    [Fact]
    public void Spawn_Square_StartsWorkerExecutableWithKindNumberAndWorkload()
    {
        using SupervisorHarness h = new();

        h.Supervisor.Spawn(WorkerSpec.Square("10", new Workload(5, 200, 300)));

        LaunchRequest request = h.Os.Processes[100].Request;
        Assert.Equal("/opt/tuiproc-worker", request.Program);
        Assert.Equal(["square", "10", "--steps=5", "--work-ms=200", "--wait-ms=300", "--results-fd=3"], request.Arguments.ToArray());
    }

    [Fact]
    public void Spawn_Command_StartsProgramWithItsArgumentVector()
    {
        using SupervisorHarness h = new();

        h.Supervisor.Spawn(WorkerSpec.Command(["python3", "lesson.py", "a b"]));

        LaunchRequest request = h.Os.Processes[100].Request;
        Assert.Equal("python3", request.Program);
        Assert.Equal(["lesson.py", "a b"], request.Arguments.ToArray());
    }

    [Fact]
    public void Spawn_PublishesSpawnedWithPidAndStartsInStartingState()
    {
        using SupervisorHarness h = new();

        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Cube("3"));

        WorkerSpawned spawned = Assert.Single(h.Of<WorkerSpawned>());
        Assert.Equal(id, spawned.Worker);
        Assert.Equal(100, spawned.Pid);
        Assert.Equal("cube 3", spawned.Spec.DisplayName);
        Assert.Equal(WorkerState.Starting, Assert.Single(h.Supervisor.Snapshot()).State);
    }

    [Fact]
    public void Spawn_IdsCountUpFromOne()
    {
        using SupervisorHarness h = new();

        WorkerId[] ids = [.. Enumerable.Range(0, 3).Select(_ => h.Supervisor.Spawn(WorkerSpec.Square("1")))];

        Assert.Equal([1, 2, 3], ids.Select(i => i.Value));
    }

    [Fact]
    public void Spawn_OsRefuses_WorkerGetsIdAndEndsAtOnceWithTheReason()
    {
        using SupervisorHarness h = new();
        h.Os.Launcher.Start(Arg.Any<LaunchRequest>(), Arg.Any<IProcessEvents>())
            .Returns(_ => throw new LaunchException("python4: no such file or directory"));

        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Command(["python4"]));

        Assert.Null(Assert.Single(h.Of<WorkerSpawned>()).Pid);
        WorkerEnded ended = Assert.Single(h.Of<WorkerEnded>());
        Assert.Equal(id, ended.Worker);
        Assert.Equal(ExitKind.FailedToStart, ended.Exit.Kind);
        Assert.Equal("failed to start: python4: no such file or directory", ended.Exit.ToString());
        Assert.Equal(WorkerState.Ended, h.Supervisor.Snapshot()[0].State);
    }

    [Fact]
    public void Spawn_AfterDispose_Throws()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Dispose();

        Assert.Throws<ObjectDisposedException>(() => h.Supervisor.Spawn(WorkerSpec.Square("1")));
    }

    [Fact]
    public void Output_LinesArePublishedInOrderAndNumberedPerWorker()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("10"));

        h.Os.EventsOf(100).OnOutput(OutputChannel.Stdout, ["one", "two"]);
        h.Os.EventsOf(100).OnOutput(OutputChannel.Stderr, ["oops"]);

        OutputLine[] lines = [.. h.Of<OutputLine>()];
        Assert.Equal(["one", "two", "oops"], lines.Select(l => l.Text));
        Assert.Equal([1L, 2L, 3L], lines.Select(l => l.Number));
        Assert.Equal(OutputChannel.Stderr, lines[2].Channel);
        Assert.All(lines, l => Assert.Equal(id, l.Worker));
        Assert.Equal(3, h.Supervisor.Snapshot()[0].OutputLines);
    }

    [Fact]
    public void Exit_PublishesStateEndedThenWorkerEnded()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("10"));

        h.Os.Exit(100, WorkerExit.Signaled(15, "SIGTERM"));

        SupervisorEvent[] tail = [.. h.Events.TakeLast(2)];
        WorkerStateChanged state = Assert.IsType<WorkerStateChanged>(tail[0]);
        Assert.Equal((WorkerState.Starting, WorkerState.Ended, "killed by SIGTERM"), (state.From, state.To, state.Why));
        Assert.Equal(-15, Assert.IsType<WorkerEnded>(tail[1]).Exit.PythonExitCode);
    }

    [Fact]
    public void LeftBehind_AfterTheWorkerEnded_IsPublishedAsItsEvent_SurvivorsToo()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Command(["sh", "-c", "setsid sleep 60 &"]));
        h.Os.EventsOf(100).OnExited(WorkerExit.Exited(0));

        h.Os.EventsOf(100).OnLeftBehind(new LeftBehindProcess(4711, "sleep", true, "killed with SIGKILL after its worker ended"));
        h.Os.EventsOf(100).OnLeftBehind(new LeftBehindProcess(4712, "passwd", false, "it cannot be killed: Operation not permitted"));

        ProcessLeftBehind[] left = [.. h.Of<ProcessLeftBehind>()];
        Assert.Equal([(id, 4711, true), (id, 4712, false)], left.Select(e => (e.Worker, e.Pid, e.Ended)));
        Assert.Equal("pid 4712 (passwd) was left behind and survived: it cannot be killed: Operation not permitted", left[1].Describe());
        Assert.True(left[0].Sequence > h.Of<WorkerEnded>().Single().Sequence);
    }
}
