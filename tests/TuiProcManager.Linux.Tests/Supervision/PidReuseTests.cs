using System.Diagnostics;
using System.Globalization;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Tests.TestSupport;

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
        Process? unrelated = null;
        try
        {
            // A second worker keeps the scheduler busy with something alive during the actions below.
            WorkerId neighbour = s.Supervisor.Spawn(WorkerSpec.Command(["sleep", "60"]));
            WorkerId id = s.Supervisor.Spawn(WorkerSpec.Command(["true"]));
            int pid = s.Supervisor.Snapshot()[id.Value - 1].Pid!.Value;
            Assert.True((await s.Supervisor.JoinAsync(id).WaitAsync(RealSupervisor.Bound))!.Succeeded);

            unrelated = StartWithPid(pid);

            Assert.False(s.Supervisor.Pause(id));
            Assert.False(s.Supervisor.Resume(id));
            Assert.False(s.Supervisor.Kill(id));
            Assert.Equal("exit 0", (await s.Supervisor.TerminateAsync(id, TimeSpan.FromMilliseconds(100)).WaitAsync(RealSupervisor.Bound)).ToString());
            Assert.True((await s.Supervisor.JoinAsync(id).WaitAsync(RealSupervisor.Bound))!.Succeeded);
            s.Supervisor.SetScheduling(SchedulingMode.PauseOnWait, 1);
            await RealSupervisor.UntilAsync(() => s.Of<SchedulingChanged>().Any(), "pause-on-wait on");
            await s.Supervisor.TerminateAsync(neighbour).WaitAsync(RealSupervisor.Bound); // a worker's end sweeps for strays
            await s.DisposeAsync(); // stops everything and lets the orphan guard sweep
            disposed = true;

            Assert.Empty(s.Of<SignalSent>(id));
            Assert.Equal(pid, unrelated.Id);
            Assert.False(unrelated.HasExited, "the process that reused the worker's PID was killed");
            char state = ProcessTable.State(pid);
            Assert.True(state == 'S', $"the process that reused the worker's PID is in state {state}, not sleeping");
        }
        finally
        {
            unrelated?.Kill();
            unrelated?.Dispose();
            if (!disposed)
            {
                await s.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Starts an unrelated <c>sleep</c> that gets <paramref name="pid"/>: the kernel gives the PID after
    /// ns_last_pid to the next process created in this namespace. Anything else forking in between takes
    /// it instead, so this retries.
    /// </summary>
    private static Process StartWithPid(int pid)
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            File.WriteAllText("/proc/sys/kernel/ns_last_pid", (pid - 1).ToString(CultureInfo.InvariantCulture));
            Process p = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true })!;
            if (p.Id == pid)
            {
                return p;
            }

            p.Kill();
            p.Dispose();
        }

        Assert.Fail($"could not get PID {pid} for an unrelated process in 50 attempts");
        return null!;
    }
}
