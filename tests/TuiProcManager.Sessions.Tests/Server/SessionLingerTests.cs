using Microsoft.Extensions.Time.Testing;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions.Tests.Server;

public sealed class SessionLingerTests
{
    private readonly FakeTimeProvider _time = new(EventBuilder.T0);
    private int _alive;
    private int _expired;

    private SessionLinger Linger(TimeSpan? linger) => new(linger, _time, () => _alive, () => _expired++);

    [Fact]
    public void NoClientNoWorker_EndsAfterAMinute()
    {
        using SessionLinger linger = Linger(TimeSpan.FromHours(2));

        Assert.Equal(EventBuilder.T0 + SessionLinger.IdleLimit, linger.EndsAt);
        _time.Advance(SessionLinger.IdleLimit - TimeSpan.FromSeconds(1));
        Assert.Equal(0, _expired);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _expired);
    }

    [Fact]
    public void LiveWorkersNoClient_EndAfterTheLinger_CountedFromTheLastClientLeaving()
    {
        _alive = 2;
        using SessionLinger linger = Linger(TimeSpan.FromMinutes(10));
        linger.ClientAttached();
        Assert.Null(linger.EndsAt);

        _time.Advance(TimeSpan.FromHours(5)); // attached: no count
        linger.ClientDetached();
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(10), linger.EndsAt);
        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(1, _expired);
    }

    [Fact]
    public void AClientAttaching_StopsTheCount()
    {
        using SessionLinger linger = Linger(TimeSpan.FromMinutes(1));
        _time.Advance(TimeSpan.FromSeconds(50));
        linger.ClientAttached();
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, _expired);
        Assert.Equal(1, linger.Clients);
    }

    [Fact]
    public void NeverLinger_LiveWorkersRunOnWithNobodyAttached()
    {
        _alive = 1;
        using SessionLinger linger = Linger(linger: null);

        _time.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, _expired);
        Assert.Null(linger.EndsAt);
    }

    [Fact]
    public void TheLastWorkerEnding_WithNobodyAttached_StartsTheMinute()
    {
        _alive = 1;
        using SessionLinger linger = Linger(linger: null);
        _time.Advance(TimeSpan.FromHours(3));

        _alive = 0;
        linger.WorkersChanged();

        Assert.Equal(_time.GetUtcNow() + SessionLinger.IdleLimit, linger.EndsAt);
        _time.Advance(SessionLinger.IdleLimit);
        Assert.Equal(1, _expired);
    }

    [Fact]
    public void Expired_IsCalledOnce()
    {
        using SessionLinger linger = Linger(TimeSpan.FromMinutes(1));
        _time.Advance(TimeSpan.FromHours(1));
        linger.WorkersChanged();
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, _expired);
    }
}
