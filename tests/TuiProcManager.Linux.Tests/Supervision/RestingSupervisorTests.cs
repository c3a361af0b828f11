using System.Diagnostics;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Tests.TestSupport;

namespace TuiProcManager.Linux.Tests.Supervision;

/// <summary>
/// An unwatched supervisor rests (states read only by the once-a-second samples) while its workers sleep:
/// on real processes, that it does rest, and that a worker that starts running after the quiet spell is
/// still seen running.
/// </summary>
public sealed class RestingSupervisorTests
{
    [Fact]
    public async Task Unwatched_AWorkerThatStartsRunningAfterAQuietSpell_IsSeenRunning()
    {
        string fifo = Path.Combine(Path.GetTempPath(), $"tuiproc-rest-{Guid.NewGuid():N}");
        using (Process made = Process.Start("mkfifo", fifo))
        {
            await made.WaitForExitAsync().WaitAsync(RealSupervisor.Bound);
        }

        CountingProbe? counting = null;
        await using RealSupervisor s = new(probe: p => counting = new CountingProbe(p));
        try
        {
            s.Supervisor.SetWatched(false);
            WorkerId id = s.Supervisor.Spawn(WorkerSpec.Command(["sh", "-c", $"read go < {fifo}; while :; do :; done"]));
            await s.UntilStateAsync(id, WorkerState.Waiting);
            await UntilRestingAsync(counting!);

            await File.WriteAllTextAsync(fifo, "go\n").WaitAsync(RealSupervisor.Bound);

            await s.UntilStateAsync(id, WorkerState.Running);
            s.Supervisor.Kill(id);
            _ = await s.JoinAsync(id);
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    /// <summary>
    /// Waits (bounded) until the supervisor reads at most twice in 1.5 s: resting reads once a second, the
    /// quiet pace four times (a clock thread starved for a second could pass for resting: the test would
    /// then prove less, not fail).
    /// </summary>
    private static async Task UntilRestingAsync(CountingProbe probe)
    {
        DateTime deadline = DateTime.UtcNow + RealSupervisor.Bound;
        while (true)
        {
            int before = probe.Rounds;
            await Task.Delay(1500);
            if (probe.Rounds - before <= 2)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the supervisor never rested");
        }
    }
}
