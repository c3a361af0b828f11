using System.Reactive.Concurrency;
using Microsoft.Reactive.Testing;
using TuiProcManager.Core.Events;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Hosting;

/// <summary>One collection after a flood, once the output is quiet; none otherwise; on virtual time.</summary>
public sealed class AfterFloodCollectorTests
{
    private const long Mib = 1024 * 1024;
    private readonly EventBuilder _e = new();
    private readonly TestScheduler _time = new();
    private readonly List<long> _collectedAt = [];
    private long _allocated;

    [Fact]
    public void Flood_CollectsOnce_OneSecondAfterItsLastLine()
    {
        AfterFloodCollector collector = Collector();
        for (int i = 0; i < 100; i++) // 3.3 s of batches, 1 MiB allocated each
        {
            At(i * 33, () =>
            {
                _allocated += Mib;
                collector.Saw([_e.Line(1, "x")]);
            });
        }

        _time.AdvanceTo(Ms(3_266 + 999));
        Assert.Empty(_collectedAt); // quiet for less than a second

        _time.AdvanceTo(Ms(10_000));
        Assert.Equal([Ms(3_267 + 1_000)], _collectedAt);
        Assert.Equal(1, collector.Collections);
    }

    [Fact]
    public void LittleAllocated_NeverCollects_AndStartsNoTimer()
    {
        AfterFloodCollector collector = Collector();
        for (int i = 0; i < 100; i++)
        {
            At(i * 33, () =>
            {
                _allocated += 100 * 1024; // 10 MiB in all, under the threshold
                collector.Saw([_e.Line(1, "x")]);
            });
        }

        _time.AdvanceTo(Ms(60_000));

        Assert.Empty(_collectedAt);
        Assert.Equal(0, _timers.Scheduled);
    }

    [Fact]
    public void BatchesWithoutOutput_DoNotDelayIt_AndDoNotArmIt()
    {
        AfterFloodCollector collector = Collector();
        At(0, () =>
        {
            _allocated += 100 * Mib;
            collector.Saw([_e.Spawned(1)]); // allocation without output: not a flood's end to wait for
        });
        _time.AdvanceTo(Ms(5_000));
        Assert.Empty(_collectedAt);

        At(100, () => collector.Saw([_e.Line(1, "x")]));
        At(600, () => collector.Saw([_e.Spawned(2)])); // a state change meanwhile does not count as output
        _time.AdvanceTo(Ms(20_000));

        Assert.Equal([Ms(5_100 + 1_000)], _collectedAt);
    }

    [Fact]
    public void SecondFlood_CollectsAgain_CountedFromTheFirstCollection()
    {
        AfterFloodCollector collector = Collector();
        At(100, () =>
        {
            _allocated += 100 * Mib;
            collector.Saw([_e.Line(1, "x")]);
        });
        At(5_000, () =>
        {
            _allocated += 10 * Mib; // not enough since the first collection
            collector.Saw([_e.Line(1, "y")]);
        });
        At(10_000, () =>
        {
            _allocated += 100 * Mib;
            collector.Saw([_e.Line(1, "z")]);
        });
        _time.AdvanceTo(Ms(30_000));

        Assert.Equal([Ms(1_100), Ms(11_000)], _collectedAt);
    }

    [Fact]
    public void Armed_CollectsOnce_WhenQuietAfterIt_ThenOnlyAfterAFlood()
    {
        AfterFloodCollector collector = Collector();
        At(100, collector.Arm); // start-up
        At(600, () => collector.Saw([_e.Line(1, "x")])); // a worker's first line delays it
        _time.AdvanceTo(Ms(30_000));

        Assert.Equal([Ms(1_600)], _collectedAt);
        Assert.Equal(2, _timers.Scheduled); // the check, and once more because of the line; none after
    }

    private readonly CountingScheduler _timers;

    public AfterFloodCollectorTests() => _timers = new(_time);

    private AfterFloodCollector Collector() => new(_timers, () => _allocated, () => _collectedAt.Add(_time.Clock));

    private static long Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds).Ticks;

    private void At(double milliseconds, Action action) => _time.Schedule(TimeSpan.FromMilliseconds(milliseconds), action);
}
