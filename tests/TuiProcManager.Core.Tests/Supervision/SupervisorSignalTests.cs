using NSubstitute;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Tests.TestSupport;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Supervision;

public sealed class SupervisorSignalTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    [Fact]
    public void Pause_SendsStopToTheProcessGroup_AndTheStopIsExplainedAsOurs()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("1"));

        Assert.True(h.Supervisor.Pause(id));
        h.Os.Set(100, OsProcessState.Stopped);
        h.Advance(TimeSpan.FromMilliseconds(5)); // the poll that follows a signal

        h.Os.HandleOf(100).Received(1).SignalGroup(ProcessSignal.Stop);
        Assert.Equal(ProcessSignal.Stop, Assert.Single(h.Of<SignalSent>()).Signal);
        WorkerStateChanged change = Assert.Single(h.Of<WorkerStateChanged>());
        Assert.Equal(WorkerState.Paused, change.To);
        Assert.Contains("tuiproc's SIGSTOP", change.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_SendsContinueToTheProcessGroup()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Supervisor.Pause(id);

        Assert.True(h.Supervisor.Resume(id));

        h.Os.HandleOf(100).Received(1).SignalGroup(ProcessSignal.Continue);
    }

    [Fact]
    public void Pause_EndedWorker_ReturnsFalseAndSendsNothing()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Os.Exit(100, WorkerExit.Exited(0));

        Assert.False(h.Supervisor.Pause(id));
        Assert.False(h.Supervisor.Kill(id));

        h.Os.HandleOf(100).DidNotReceive().SignalGroup(Arg.Any<ProcessSignal>());
        Assert.Empty(h.Of<SignalSent>());
    }

    [Fact]
    public void Terminate_PausedWorker_SendsTermThenContSoThatTheTermIsDelivered()
    {
        // Pins the bug of peers: SIGTERM to a stopped process stays pending until it is continued.
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Supervisor.Pause(id);

        _ = h.Supervisor.TerminateAsync(id);

        Assert.Equal(
            [ProcessSignal.Stop, ProcessSignal.Terminate, ProcessSignal.Continue],
            h.Of<SignalSent>().Select(s => s.Signal));
        Received.InOrder(() =>
        {
            h.Os.HandleOf(100).SignalGroup(ProcessSignal.Terminate);
            h.Os.HandleOf(100).SignalGroup(ProcessSignal.Continue);
        });
    }

    [Fact]
    public async Task Terminate_WorkerIgnoresTerm_KilledWhenTheGracePeriodEnds()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("1"));
        Task<WorkerExit> ended = h.Supervisor.TerminateAsync(id);

        h.Advance(Grace - TimeSpan.FromTicks(1));
        h.Os.HandleOf(100).DidNotReceive().SignalGroup(ProcessSignal.Kill);

        h.Advance(TimeSpan.FromTicks(1));
        h.Os.HandleOf(100).Received(1).SignalGroup(ProcessSignal.Kill);
        Assert.Contains("3 s after SIGTERM", h.Of<SignalSent>().Last().Why, StringComparison.Ordinal);

        Assert.False(ended.IsCompleted);
        h.Os.Exit(100, WorkerExit.Signaled(9, "SIGKILL"));
        Assert.Equal("killed by SIGKILL", (await ended.WaitAsync(TimeSpan.FromSeconds(10))).ToString());
    }

    [Fact]
    public void Terminate_WorkerEndsWithinTheGracePeriod_IsNeverKilled()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("1"));
        _ = h.Supervisor.TerminateAsync(id, TimeSpan.FromSeconds(1));
        h.Os.Exit(100, WorkerExit.Signaled(15, "SIGTERM"));

        h.Advance(TimeSpan.FromSeconds(10));

        h.Os.HandleOf(100).DidNotReceive().SignalGroup(ProcessSignal.Kill);
    }

    [Fact]
    public void Terminate_Twice_SignalsOnce()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("1"));

        Task<WorkerExit> first = h.Supervisor.TerminateAsync(id);
        Task<WorkerExit> second = h.Supervisor.TerminateAsync(id);

        h.Os.HandleOf(100).Received(1).SignalGroup(ProcessSignal.Terminate);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task Terminate_EndedWorker_ReturnsItsExitWithoutSignalling()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Os.Exit(100, WorkerExit.Exited(0));

        Task<WorkerExit> ended = h.Supervisor.TerminateAsync(id);

        Assert.True(ended.IsCompletedSuccessfully);
        Assert.True((await ended).Succeeded);
        h.Os.HandleOf(100).DidNotReceive().SignalGroup(Arg.Any<ProcessSignal>());
    }

    [Fact]
    public void Kill_SendsKillToTheProcessGroup()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Square("1"));

        Assert.True(h.Supervisor.Kill(id));

        h.Os.HandleOf(100).Received(1).SignalGroup(ProcessSignal.Kill);
    }

    [Fact]
    public void Signals_UnknownWorker_Throw()
    {
        using SupervisorHarness h = new();

        Assert.Throws<ArgumentException>(() => h.Supervisor.Pause(new WorkerId(7)));
    }

    [Fact]
    public async Task TerminateAll_TerminatesOnlyLiveWorkers()
    {
        using SupervisorHarness h = new();
        h.Supervisor.Spawn(WorkerSpec.Square("1"));
        h.Supervisor.Spawn(WorkerSpec.Square("2"));
        h.Os.Exit(100, WorkerExit.Exited(0));

        Task all = h.Supervisor.TerminateAllAsync();

        h.Os.HandleOf(100).DidNotReceive().SignalGroup(ProcessSignal.Terminate);
        h.Os.HandleOf(101).Received(1).SignalGroup(ProcessSignal.Terminate);
        h.Os.Exit(101, WorkerExit.Signaled(15, "SIGTERM"));
        await all.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
