using Microsoft.Extensions.Time.Testing;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions.Tests.Server;

public sealed class QuietCollectorTests
{
    private readonly FakeTimeProvider _time = new(EventBuilder.T0);
    private int _collections;
    private long _allocated;

    private QuietCollector Collector() => new(_time, () => _collections++, () => _allocated);

    [Fact]
    public void LastClientLeft_CollectsOnce_AfterTheDelay()
    {
        QuietCollector collector = Collector();
        collector.ClientsNow(1);
        collector.ClientsNow(0);

        _time.Advance(QuietCollector.Delay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _collections);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _collections);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, _collections);
    }

    [Fact]
    public void AClientAttachingWithinTheDelay_CancelsIt()
    {
        QuietCollector collector = Collector();
        collector.ClientsNow(0);
        _time.Advance(QuietCollector.Delay / 2);

        collector.ClientsNow(1);
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, _collections);
    }

    [Fact]
    public void NobodyAttached_CollectsAgain_OnceTheThresholdIsAllocated()
    {
        // An idle server's garbage grew by what it allocated (50 KiB a second) until a gen-0 budget sized
        // from a 508 MiB cache ran out: 26 MiB of anonymous memory in 5 minutes.
        QuietCollector collector = Collector();
        collector.ClientsNow(0);
        _time.Advance(QuietCollector.Delay);
        Assert.Equal(1, _collections);

        _allocated += QuietCollector.Threshold - 1;
        _time.Advance(QuietCollector.Recheck);
        Assert.Equal(1, _collections);

        _allocated += 1;
        _time.Advance(QuietCollector.Recheck);
        Assert.Equal(2, _collections);
    }

    [Fact]
    public void AClientAttached_NoMoreRechecks()
    {
        QuietCollector collector = Collector();
        collector.ClientsNow(0);
        _time.Advance(QuietCollector.Delay);

        collector.ClientsNow(1);
        _allocated += QuietCollector.Threshold * 100;
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, _collections);
    }
}
