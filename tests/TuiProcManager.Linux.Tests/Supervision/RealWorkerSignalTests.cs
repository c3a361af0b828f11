using System.Diagnostics;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Tests.TestSupport;

namespace TuiProcManager.Linux.Tests.Supervision;

public sealed class RealWorkerSignalTests
{
    private static readonly Workload Long = new(1000, 50, 50);

    [Fact]
    public async Task Pause_WorkerAccruesNoCpuTime_AndFinishesOnceResumed()
    {
        await using RealSupervisor s = new();
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Square("5", new Workload(4, 200, 0)));
        int pid = await s.PidAsync(id);
        await s.UntilStateAsync(id, WorkerState.Running);

        Assert.True(s.Supervisor.Pause(id));
        await s.UntilStateAsync(id, WorkerState.Paused);
        Assert.Equal('T', ProcessTable.State(pid));
        long before = ProcessTable.CpuTicks(pid);
        await Task.Delay(600);
        Assert.Equal(before, ProcessTable.CpuTicks(pid));

        Assert.True(s.Supervisor.Resume(id));
        WorkerExit? exit = await s.JoinAsync(id);
        Assert.True(exit!.Succeeded);
        Assert.Equal("Square: 25", s.Lines(id)[^1]);
    }

    [Fact]
    public async Task Terminate_WorkerThatIgnoresSigterm_IsKilledAfterTheGracePeriod()
    {
        await using RealSupervisor s = new();
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Command(["sh", "-c", "trap '' TERM; echo ready; while :; do sleep 0.05; done"]));
        await RealSupervisor.UntilAsync(() => s.Lines(id).Contains("ready"));

        Stopwatch clock = Stopwatch.StartNew();
        WorkerExit exit = await s.Supervisor.TerminateAsync(id, TimeSpan.FromMilliseconds(500)).WaitAsync(RealSupervisor.Bound);

        Assert.Equal("SIGKILL", exit.SignalName);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(450), clock.Elapsed.ToString());
        // The join's answer can come before the test's own subscriber has been handed the last events (a
        // clean-clone run had Terminate, Continue and not yet Kill): what was sent is read once it is all there.
        await RealSupervisor.UntilAsync(() => s.Of<WorkerEnded>(id).Any());
        Assert.Equal([ProcessSignal.Terminate, ProcessSignal.Continue, ProcessSignal.Kill], s.Of<SignalSent>(id).Select(e => e.Signal));
    }

    [Fact]
    public async Task Terminate_PausedWorker_EndsBySigtermWithoutWaitingForTheGracePeriod()
    {
        // Pins the peers' bug: a SIGTERM to a stopped process waits until it is continued.
        await using RealSupervisor s = new();
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Square("5", Long));
        await s.UntilStateAsync(id, WorkerState.Running);
        s.Supervisor.Pause(id);
        await s.UntilStateAsync(id, WorkerState.Paused);

        Stopwatch clock = Stopwatch.StartNew();
        WorkerExit exit = await s.Supervisor.TerminateAsync(id, TimeSpan.FromSeconds(20)).WaitAsync(RealSupervisor.Bound);

        Assert.Equal("SIGTERM", exit.SignalName);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task Kill_EndsTheWorkerWithSigkill()
    {
        await using RealSupervisor s = new();
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Square("5", Long));
        await s.UntilStateAsync(id, WorkerState.Running);

        Assert.True(s.Supervisor.Kill(id));

        Assert.Equal("SIGKILL", (await s.JoinAsync(id))!.SignalName);
        Assert.False(s.Supervisor.Kill(id)); // already ended: nothing to signal
    }

    [Fact]
    public async Task Terminate_WorkersChildren_EndWithIt()
    {
        await using RealSupervisor s = new();
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Command(["sh", "-c", "sleep 60 & sleep 60 & echo $!; wait"]));
        await RealSupervisor.UntilAsync(() => s.Of<DescendantStateChanged>(id).Count(d => d.From is null) >= 2, "two children seen");
        int[] children = [.. s.Of<DescendantStateChanged>(id).Where(d => d.From is null).Select(d => d.Pid)];
        Assert.All(children, pid => Assert.True(ProcessTable.IsAlive(pid)));

        await s.Supervisor.TerminateAsync(id).WaitAsync(RealSupervisor.Bound);

        await RealSupervisor.UntilAsync(() => children.All(pid => !ProcessTable.IsAlive(pid)), "children gone");
    }

    [Fact]
    public async Task Exit_WhatTheWorkerLeftInItsProcessGroup_IsKilled()
    {
        // A shell that starts a background job and exits: the job would be an orphan.
        await using RealSupervisor s = new();
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Command(["sh", "-c", "sleep 60 & echo $!"]));

        await s.JoinAsync(id);

        int leftover = int.Parse(s.Lines(id)[0], System.Globalization.CultureInfo.InvariantCulture);
        await RealSupervisor.UntilAsync(() => !ProcessTable.IsAlive(leftover), "background job gone");
    }

    [Fact]
    public async Task Join_WithTimeout_ReturnsNullWhileTheWorkerRuns_ThenItsExitOnceItEnds()
    {
        await using RealSupervisor s = new();
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Square("5", Long));

        Assert.Null(await s.Supervisor.JoinAsync(id, TimeSpan.FromMilliseconds(200)).WaitAsync(RealSupervisor.Bound));
        s.Supervisor.Kill(id);
        Assert.NotNull(await s.Supervisor.JoinAsync(id, TimeSpan.FromSeconds(20)).WaitAsync(RealSupervisor.Bound));
    }

    [Fact]
    public async Task Dispose_LiveWorkers_AreTerminatedAndReaped()
    {
        int pid;
        await using (RealSupervisor s = new())
        {
            pid = await s.PidAsync(s.Supervisor.Spawn(WorkerSpec.Square("5", Long)));
            await s.UntilStateAsync(new WorkerId(1), WorkerState.Running);
        }

        Assert.False(ProcessTable.IsAlive(pid));
        Assert.False(Directory.Exists($"/proc/{pid}")); // reaped, not left a zombie
    }
}
