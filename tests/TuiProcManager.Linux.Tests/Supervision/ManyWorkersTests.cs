using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Tests.TestSupport;

namespace TuiProcManager.Linux.Tests.Supervision;

public sealed class ManyWorkersTests
{
    [Fact]
    public async Task HundredWorkersAtOnce_AllFinishWithTheirOwnResult()
    {
        await using RealSupervisor s = new();
        WorkerId[] ids = [.. Enumerable.Range(1, 100).Select(n => s.Supervisor.Spawn(n % 2 == 0 ? WorkerSpec.Square($"{n}") : WorkerSpec.Cube($"{n}")))];

        Assert.True(await s.Supervisor.JoinAllAsync().WaitAsync(RealSupervisor.Bound));

        await RealSupervisor.UntilAsync(() => ids.All(id => s.Lines(id).Length == 1), "every result recorded");
        foreach (WorkerId id in ids)
        {
            int n = id.Value;
            string expected = n % 2 == 0 ? $"Square: {n * n}" : $"Cube: {n * n * n}";
            Assert.Equal(expected, s.Lines(id)[0]);
        }

        Assert.All(s.Supervisor.Snapshot(), w => Assert.True(w.Exit!.Succeeded));
    }

    [Fact]
    public async Task FiveHundredInABurst_AllStart_AllFinish_NothingLeft()
    {
        // 500 spawns in a row from one thread, as fast as they go: each a real process with its pipes and
        // pidfd (about 2,500 descriptors at the peak, under this process's limit).
        await using RealSupervisor s = new();
        WorkerId[] ids = [.. Enumerable.Range(1, 500).Select(n => s.Supervisor.Spawn(WorkerSpec.Square($"{n}")))];
        int[] pids = await s.PidsAsync(ids);

        Assert.True(await s.Supervisor.JoinAllAsync().WaitAsync(RealSupervisor.Bound));

        Assert.Empty(s.Supervisor.Snapshot().Where(w => w.Exit is not { Succeeded: true }));
        Assert.DoesNotContain(0, pids);
        await RealSupervisor.UntilAsync(() => ids.All(id => s.Lines(id).Length == 1), "every result recorded");
        Assert.All(ids, id => Assert.Equal($"Square: {id.Value * id.Value}", s.Lines(id)[0]));
        Assert.All(pids, pid => Assert.False(Directory.Exists($"/proc/{pid}") && File.ReadAllText($"/proc/{pid}/stat").Contains(") Z", StringComparison.Ordinal), $"{pid} left a zombie"));
    }
}
