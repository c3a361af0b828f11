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
}
