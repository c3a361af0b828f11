using System.Globalization;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Tests.TestSupport;

namespace TuiProcManager.Linux.Tests.Processes;

/// <summary>
/// Pins the escape from the process group: a grandchild that started its own session (or whose parent
/// exited) was not in the group that terminate, kill and the end-of-worker sweep signal, and lived on
/// after its worker, unreported, until tuiproc exited.
/// </summary>
[Collection(AloneInTheProcess.Name)]
public sealed class StraySweeperTests
{
    public enum HowItEnds
    {
        Terminate,
        Kill,
        ExitsByItself,
    }

    [Theory]
    [InlineData(HowItEnds.Terminate)]
    [InlineData(HowItEnds.Kill)]
    [InlineData(HowItEnds.ExitsByItself)]
    public async Task WorkerEnds_GrandchildInItsOwnSession_IsKilledReapedAndReported(HowItEnds how)
    {
        await using RealSupervisor s = new();
        string rest = how == HowItEnds.ExitsByItself ? "sleep 1; exit 5" : "sleep 60";
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Command(["sh", "-c", "setsid sleep 60 & echo $!; " + rest]));
        (int stray, ulong start) = await StrayFromOutputAsync(s, id);

        WorkerExit exit = how switch
        {
            HowItEnds.Terminate => await s.Supervisor.TerminateAsync(id).WaitAsync(RealSupervisor.Bound),
            HowItEnds.Kill => s.Supervisor.Kill(id) ? (await s.JoinAsync(id))! : throw new InvalidOperationException("not killed"),
            _ => (await s.JoinAsync(id))!,
        };

        Assert.Equal(how switch { HowItEnds.Terminate => "killed by SIGTERM", HowItEnds.Kill => "killed by SIGKILL", _ => "exit 5" }, exit.ToString());
        await RealSupervisor.UntilAsync(() => ProcessTable.IsReaped(stray, start), $"the setsid'd sleep {stray} gone and reaped");
        await RealSupervisor.UntilAsync(() => s.Of<ProcessLeftBehind>(id).Any(e => e.Pid == stray), "its report");
        ProcessLeftBehind left = s.Of<ProcessLeftBehind>(id).Single(e => e.Pid == stray);
        Assert.True(left.Ended, left.Describe());
    }

    [Fact]
    public async Task DoubleForkedDaemon_IsReparentedToUs_LeftAloneWhileItsWorkerRuns_AndEndsWithIt()
    {
        await using RealSupervisor s = new();
        // The subshell forks the daemon and exits at once: the daemon's parent is gone while the worker runs.
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Command(["sh", "-c", "(setsid sh -c 'echo $$; exec sleep 60' &); sleep 60"]));
        (int daemon, ulong start) = await StrayFromOutputAsync(s, id);
        await RealSupervisor.UntilAsync(() => ProcessTable.ParentPid(daemon) == Environment.ProcessId, $"daemon {daemon} re-parented to the supervisor (a subreaper)");

        // Another worker's end sweeps too: the daemon belongs to a worker that still runs, so it stays.
        WorkerExit other = await s.RunAsync(WorkerSpec.Command(["true"]));
        Assert.True(other.Succeeded);
        Assert.True(ProcessTable.IsAlive(daemon), "the daemon of a running worker was killed by another worker's sweep");
        Assert.Empty(s.Of<ProcessLeftBehind>());

        await s.Supervisor.TerminateAsync(id).WaitAsync(RealSupervisor.Bound);

        await RealSupervisor.UntilAsync(() => ProcessTable.IsReaped(daemon, start), $"daemon {daemon} gone and reaped");
        await RealSupervisor.UntilAsync(() => s.Of<ProcessLeftBehind>(id).Any(e => e.Pid == daemon && e.Ended), "its report");
    }

    [Fact]
    public async Task Stray_HoldingTheOutputPipe_DoesNotHoldUpTheWorkersEnd()
    {
        // Before, the end waited for the pipe the stray held open until the drain deadline (2 s by default).
        // With a deadline of ten minutes, an end that waits for the pipe cannot come within the bound.
        await using RealSupervisor s = new(linux: o => o.ExitDrainTimeout = TimeSpan.FromMinutes(10));
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Command(["sh", "-c", "setsid sleep 60 & echo $!; sleep 60"]));
        _ = await StrayFromOutputAsync(s, id);

        WorkerExit exit = await s.Supervisor.TerminateAsync(id).WaitAsync(RealSupervisor.Bound);

        Assert.Equal("killed by SIGTERM", exit.ToString());
    }

    [Fact]
    public async Task UnmarkedStrayInItsOwnSession_IsLeftWhileAnyWorkerRuns_ThenEndedAndReported()
    {
        // `env -i` clears the guard's mark, `setsid` leaves our session: whose it is cannot be told, so
        // it is ended only once no worker runs (it might have been a running worker's helper).
        await using RealSupervisor s = new();
        WorkerId other = s.Supervisor.Spawn(WorkerSpec.Command(["sleep", "60"]));
        // The worker exits only once the stray is in a session of its own (field 6 of /proc/PID/stat):
        // before that it is still in the worker's group, which is killed when the worker is reaped.
        const string Script = """
            env -i setsid sleep 60 & p=$!
            while [ "$(cut -d' ' -f6 /proc/$p/stat)" = "$(cut -d' ' -f6 /proc/$$/stat)" ]; do sleep 0.01; done
            echo $p; exit 0
            """;
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Command(["sh", "-c", Script]));
        (int stray, ulong start) = await StrayFromOutputAsync(s, id);
        await s.JoinAsync(id);
        await RealSupervisor.UntilAsync(() => ProcessTable.ParentPid(stray) == Environment.ProcessId, $"stray {stray} re-parented to us");
        await Task.Delay(2500); // every sweep of that worker's end is over

        Assert.True(ProcessTable.IsAlive(stray), "an unmarked stray was ended while a worker still ran");
        await s.Supervisor.TerminateAsync(other).WaitAsync(RealSupervisor.Bound);

        await RealSupervisor.UntilAsync(() => ProcessTable.IsReaped(stray, start), $"the unmarked stray {stray} gone and reaped");
        await RealSupervisor.UntilAsync(() => s.Of<ProcessLeftBehind>().Any(e => e.Pid == stray), "its report");
        ProcessLeftBehind left = s.Of<ProcessLeftBehind>().Single(e => e.Pid == stray);
        Assert.True(left.Ended, left.Describe());
        Assert.Contains("no mark", left.Detail, StringComparison.Ordinal);
    }

    /// <summary>
    /// The stray's PID, from the first line the worker printed, and its start time, once it is in a session
    /// of its own.
    /// </summary>
    /// <remarks>
    /// <c>$!</c> is printed as soon as the shell has forked, perhaps before the child has run setsid(2).
    /// Ended before that (a loaded CI machine), it is still in the worker's group, is killed with it and
    /// reaped as the group's zombie, and rightly never reported as left behind: the test waited 30 s for a
    /// report that could not come.
    /// </remarks>
    private static async Task<(int Pid, ulong Start)> StrayFromOutputAsync(RealSupervisor s, WorkerId id)
    {
        await RealSupervisor.UntilAsync(() => s.Lines(id).Length > 0, "the stray's PID printed");
        int pid = int.Parse(s.Lines(id)[0], CultureInfo.InvariantCulture);
        await RealSupervisor.UntilAsync(() => ProcessTable.Session(pid) == pid, $"stray {pid} in a session of its own");
        ulong? start = ProcessTable.StartTime(pid);
        Assert.True(start is not null && ProcessTable.IsAlive(pid), $"stray {pid} is not running");
        return (pid, start!.Value);
    }
}
