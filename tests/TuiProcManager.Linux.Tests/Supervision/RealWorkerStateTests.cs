using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Tests.TestSupport;

namespace TuiProcManager.Linux.Tests.Supervision;

public sealed class RealWorkerStateTests
{
    [Fact]
    public async Task Steps_WorkThenWait_ShowAsRunningThenWaitingFromProc()
    {
        await using RealSupervisor s = new();

        WorkerExit exit = await s.RunAsync(WorkerSpec.Cube("3", new Workload(3, 300, 300)));

        Assert.True(exit.Succeeded);
        WorkerState[] states = [.. s.Of<WorkerStateChanged>(new WorkerId(1)).Select(c => c.To)];
        Assert.Equal(WorkerState.Ended, states[^1]);
        int turns = states.Zip(states.Skip(1)).Count(p => p is (WorkerState.Running, WorkerState.Waiting));
        Assert.True(turns >= 2, string.Join(",", states)); // three steps: run, wait, run, wait, run, wait
    }

    [Fact]
    public async Task Sample_BusyWorker_CpuPercentIsItsCpuTimeOverWallTime()
    {
        // Not a range on the percentage: on a shared 2-core machine a busy worker gets what it gets. The
        // figure must be what /proc's CPU time says, between two samples.
        await using RealSupervisor s = new(o => o.SampleInterval = TimeSpan.FromMilliseconds(300));
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Square("5", new Workload(1, 3000, 0)));

        await RealSupervisor.UntilAsync(() => s.Of<ResourceSampled>(id).Count() >= 3, "three samples");
        s.Supervisor.Kill(id);

        ResourceSampled[] samples = [.. s.Of<ResourceSampled>(id)];
        (ResourceSampled a, ResourceSampled b) = (samples[^2], samples[^1]);
        double expected = (b.Process.CpuTime - a.Process.CpuTime).TotalSeconds / (b.Time - a.Time).TotalSeconds * 100;
        Assert.Equal(expected, b.Process.CpuPercent, precision: 6);
        Assert.True(b.Process.CpuTime > a.Process.CpuTime, "a busy worker accrues CPU time");
        Assert.True(b.Process.ResidentBytes > 100_000, b.Process.ResidentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEmpty(s.Of<MachineSampled>().Last().CoreBusyPercent);
    }

    [Fact]
    public async Task Descendants_OfAPythonMultiprocessingScript_AreTrackedWithStateAndCpu()
    {
        string script = Path.Combine(Path.GetTempPath(), $"tuiproc-mp-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(script, """
            import multiprocessing, time
            def spin(n):
                end = time.process_time() + 1.5
                while time.process_time() < end:
                    pass
            if __name__ == "__main__":
                ps = [multiprocessing.Process(target=spin, args=(i,)) for i in range(2)]
                for p in ps: p.start()
                for p in ps: p.join()
                print("Done!")
            """);
        try
        {
            await using RealSupervisor s = new(o => o.SampleInterval = TimeSpan.FromMilliseconds(500));

            WorkerExit exit = await s.RunAsync(WorkerSpec.Command(["python3", script]));

            Assert.True(exit.Succeeded, string.Join("\n", s.Lines(new WorkerId(1))));
            DescendantStateChanged[] seen = [.. s.Of<DescendantStateChanged>()];
            int[] spinners = [.. seen.Where(d => d.To == WorkerState.Running).Select(d => d.Pid).Distinct()];
            Assert.True(spinners.Length >= 2, string.Join("\n", seen.Select(d => d.ToString())));
            Assert.All(spinners, pid => Assert.Contains(seen, d => d.Pid == pid && d.To == WorkerState.Ended));
            Assert.Contains(s.Of<ResourceSampled>(), r => r.Descendants.Any(d => spinners.Contains(d.Pid) && d.CpuPercent > 30));
        }
        finally
        {
            File.Delete(script);
        }
    }
}
