using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Processes;
using TuiProcManager.Linux.Tests.TestSupport;

namespace TuiProcManager.Linux.Tests.Processes;

public sealed class OrphanGuardTests
{
    private sealed class Ignore : IProcessEvents
    {
        public void OnOutput(OutputChannel channel, IReadOnlyList<string> lines)
        {
        }

        public void OnExited(WorkerExit exit)
        {
        }

        public void OnLeftBehind(LeftBehindProcess process)
        {
        }

        public void OnOutputHeld(bool held)
        {
        }
    }

    [Fact]
    public async Task GuardPipeClosed_EveryMarkedProcessIsKilled_IncludingOnesThatLeftTheSessionAndGroup()
    {
        // What happens when the supervisor dies: the kernel closes its end of the guard's pipe. Here the
        // supervisor stays alive and closes the pipe itself (Dispose) while its children still run.
        LinuxProcessOptions options = new() { WorkerExecutable = RealSupervisor.WorkerPath };
        using IoLoop io = new(options);
        OrphanGuard guard = new(options);
        using ForkServer forkServer = new(options);
        using LinuxProcessLauncher launcher = new(io, guard, forkServer, options);
        IProcessHandle worker = launcher.Start(new LaunchRequest("sh", ["-c", "setsid sleep 60 & sleep 60"]), new Ignore());
        int[] marked = [];
        await RealSupervisor.UntilAsync(() => (marked = ProcessTable.WithEnvironmentStarting(guard.EnvironmentMark)).Length >= 3, "worker, its child and the escaped grandchild");
        Assert.Contains(worker.Pid, marked);

        guard.Dispose();

        await RealSupervisor.UntilAsync(() => marked.All(pid => !ProcessTable.IsAlive(pid)), "all marked processes gone");
    }

    [Fact]
    public void Guard_MissingExecutable_RefusesToStartAnyWorker()
    {
        LinuxProcessOptions options = new() { WorkerExecutable = "/nonexistent/tuiproc-worker" };
        using IoLoop io = new(options);
        using OrphanGuard guard = new(options);
        using ForkServer forkServer = new(options);
        using LinuxProcessLauncher launcher = new(io, guard, forkServer, options);

        LaunchException e = Assert.Throws<LaunchException>(() => launcher.Start(new LaunchRequest("true", []), new Ignore()));
        Assert.Contains("orphan guard cannot start", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_AfterReap_RefusesToSignal_SoAReusedPidIsNeverHit()
    {
        await using RealSupervisor s = new();
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Square("1"));
        await s.JoinAsync(id);

        Assert.False(s.Supervisor.Pause(id));
        Assert.False(s.Supervisor.Kill(id));
        Assert.Empty(s.Of<Core.Events.SignalSent>());
    }
}
