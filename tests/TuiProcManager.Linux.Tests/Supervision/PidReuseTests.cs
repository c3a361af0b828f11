using System.Globalization;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Interop;
using TuiProcManager.Linux.Processes;
using TuiProcManager.Linux.Tests.TestSupport;
using TuiProcManager.Testing;

namespace TuiProcManager.Linux.Tests.Supervision;

/// <summary>
/// PID reuse for real: once a worker is reaped its PID is free, and the kernel hands it to the next
/// process. Whatever we do to that worker afterwards must not reach the unrelated process that now has it.
/// </summary>
public sealed class PidReuseTests
{
    [RootFact("the test forces the next PID by writing /proc/sys/kernel/ns_last_pid")]
    public async Task EndedWorker_PidGivenToAnUnrelatedProcess_NothingWeDoSignalsIt()
    {
        RealSupervisor s = new();
        bool disposed = false;
        PidfdProcess? unrelated = null;
        try
        {
            // A second worker keeps the scheduler busy with something alive during the actions below.
            WorkerId neighbour = s.Supervisor.Spawn(WorkerSpec.Command(["sleep", "60"]));
            WorkerId id = s.Supervisor.Spawn(WorkerSpec.Command(["true"]));
            int pid = await s.PidAsync(id);
            Assert.True((await s.JoinAsync(id))!.Succeeded);

            unrelated = StartWithPid(pid);

            Assert.False(s.Supervisor.Pause(id));
            Assert.False(s.Supervisor.Resume(id));
            Assert.False(s.Supervisor.Kill(id));
            Assert.Equal("exit 0", (await s.Supervisor.TerminateAsync(id, TimeSpan.FromMilliseconds(100)).WaitAsync(RealSupervisor.Bound)).ToString());
            Assert.True((await s.JoinAsync(id))!.Succeeded);
            s.Supervisor.SetScheduling(SchedulingMode.PauseOnWait, 1);
            await RealSupervisor.UntilAsync(() => s.Of<SchedulingChanged>().Any(), "pause-on-wait on");
            await s.Supervisor.TerminateAsync(neighbour).WaitAsync(RealSupervisor.Bound); // a worker's end sweeps for strays
            await s.DisposeAsync(); // stops everything and lets the orphan guard sweep
            disposed = true;

            Assert.Empty(s.Of<SignalSent>(id));
            Assert.Equal(pid, unrelated.Pid);
            Assert.False(unrelated.WaitForExit(TimeSpan.Zero), "the process that reused the worker's PID was killed");
            char state = ProcessTable.State(pid);
            Assert.True(state == 'S', $"the process that reused the worker's PID is in state {state}, not sleeping");
        }
        finally
        {
            if (unrelated is not null)
            {
                End(unrelated);
            }
            if (!disposed)
            {
                await s.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Starts an unrelated <c>sleep</c> that gets <paramref name="pid"/>: the kernel gives the PID after
    /// ns_last_pid to the next process or thread created in this namespace. Anything else forking (or
    /// starting a thread) in between takes it instead, so this retries. Started with posix_spawn in a group
    /// of its own, like a worker, so that its group ID is the old worker's too; without our guard's mark.
    /// </summary>
    private static PidfdProcess StartWithPid(int pid)
    {
        using NativeStringArray environment = new(["PATH=/usr/bin:/bin"]);
        List<int> got = [];
        for (int attempt = 0; attempt < 50; attempt++)
        {
            File.WriteAllText("/proc/sys/kernel/ns_last_pid", (pid - 1).ToString(CultureInfo.InvariantCulture));
            Assert.Equal(0, Spawner.Spawn("/bin/sleep", ["/bin/sleep", "60"], environment, new ChildFds(-1, -1, -1), out int child));
            PidfdProcess p = new(child, Libc.PidfdOpen(child));
            if (child == pid)
            {
                return p;
            }

            got.Add(child);
            End(p);
        }

        Assert.Fail($"could not get PID {pid} for an unrelated process in 50 attempts (got {string.Join(", ", got)})");
        return null!;
    }

    private static void End(PidfdProcess p)
    {
        _ = p.Signal(ProcessSignal.Kill);
        Assert.True(p.WaitForExit(RealSupervisor.Bound));
        _ = p.Reap();
        p.ClosePidfd();
    }
}
