using System.Diagnostics;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Tests.TestSupport;

namespace TuiProcManager.Linux.Tests.Supervision;

/// <summary>Faults that come from outside the supervisor or from the worker itself, with real processes.</summary>
public sealed class RealWorkerFaultTests
{
    [Theory]
    [InlineData(9, "SIGKILL")]
    [InlineData(11, "SIGSEGV")]
    public async Task Worker_KilledFromOutside_EndsWithThatSignal_NeighboursUntouched(int signal, string name)
    {
        await using RealSupervisor s = new();
        Workload neighbourWork = new(6, 200, 0); // about 1.2 s of work each
        WorkerId left = s.Supervisor.Spawn(WorkerSpec.Square("3", neighbourWork));
        // A command, not our .NET worker: the NativeAOT runtime's own SIGSEGV handler survives a SIGSEGV
        // sent with kill() (not a fault of its own), where a C program, Python or sleep dies of it.
        WorkerId victim = s.Supervisor.Spawn(WorkerSpec.Command(["sleep", "60"]));
        WorkerId right = s.Supervisor.Spawn(WorkerSpec.Cube("4", neighbourWork));
        await s.UntilStateAsync(victim, WorkerState.Waiting);
        int pid = await s.PidAsync(victim);

        ProcessTable.Signal(pid, signal); // kill -9 / kill -SEGV, as a user or the OOM killer would

        WorkerExit exit = (await s.JoinAsync(victim))!;
        Assert.Equal("killed by " + name, exit.ToString());
        Assert.Equal(signal, exit.Signal);
        Assert.Equal(-signal, exit.PythonExitCode);

        // The join returns as the supervisor records the end; the event reaches this subscriber a moment
        // later, on the delivery thread (it was seen missing here once under load).
        await RealSupervisor.UntilAsync(() => s.Of<WorkerStateChanged>(victim).Any(e => e.To == WorkerState.Ended), "the end delivered");
        Assert.Contains(s.Of<WorkerStateChanged>(victim), e => e.To == WorkerState.Ended && e.Why.Contains(name, StringComparison.Ordinal));
        Assert.DoesNotContain(s.Supervisor.Snapshot(), w => w.Worker != victim && w.State == WorkerState.Ended);

        Assert.True((await s.JoinAsync(left))!.Succeeded);
        Assert.True((await s.JoinAsync(right))!.Succeeded);
        Assert.Equal("Square: 9", s.Lines(left)[^1]);
        Assert.Equal("Cube: 64", s.Lines(right)[^1]);
        Assert.Empty(s.Of<SignalSent>()); // the supervisor itself signalled nothing
    }

    [Fact]
    public async Task Worker_ClosesStdoutAndStderrEarly_StaysAliveUntilItExits_WithItsCode()
    {
        // End of file on both pipes is not the end of the process: only its pidfd says that.
        await using RealSupervisor s = new();
        Stopwatch clock = Stopwatch.StartNew();
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Command(["sh", "-c", "exec 1>&- 2>&-; sleep 2; exit 4"]));

        await s.UntilStateAsync(id, WorkerState.Waiting); // in sleep, its pipes already closed
        WorkerState during = s.Supervisor.Snapshot()[id.Value - 1].State;
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.8), $"too slow to look while it sleeps ({clock.Elapsed})");
        Assert.Equal(WorkerState.Waiting, during);

        WorkerExit exit = (await s.JoinAsync(id))!;
        Assert.Equal("exit 4", exit.ToString());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"reported ended after {clock.Elapsed.TotalMilliseconds:F0} ms, before its sleep was over");
        Assert.Empty(s.Lines(id));
    }
}
