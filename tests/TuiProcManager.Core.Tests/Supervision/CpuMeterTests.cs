using TuiProcManager.Core.Supervision;

namespace TuiProcManager.Core.Tests.Supervision;

public sealed class CpuMeterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_FirstReadingIsZero_ThenCpuOverWall()
    {
        CpuMeter meter = new();
        Assert.Equal(0, meter.Next(TimeSpan.FromSeconds(5), T0));
        Assert.Equal(200, meter.Next(TimeSpan.FromSeconds(7), T0.AddSeconds(1)), precision: 9); // two cores' worth
    }

    [Fact]
    public void Prime_SetsTheBaselineOnce()
    {
        CpuMeter meter = new();
        meter.Prime(TimeSpan.Zero, T0);
        meter.Prime(TimeSpan.FromSeconds(100), T0.AddSeconds(0.5));
        Assert.Equal(25, meter.Next(TimeSpan.FromSeconds(0.5), T0.AddSeconds(2)), precision: 9);
    }
}
