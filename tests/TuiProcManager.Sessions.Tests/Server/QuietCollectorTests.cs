using Microsoft.Extensions.Time.Testing;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions.Tests.Server;

public sealed class QuietCollectorTests
{
    private readonly FakeTimeProvider _time = new(EventBuilder.T0);
    private int _collections;

    private QuietCollector Collector() => new(_time, () => _collections++);

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
}
