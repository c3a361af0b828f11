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

    [Fact]
    public void ATimerFiringBeforeTheClockSaysItIsDue_IsSetAgain_NotLost()
    {
        // Seen with the system clock: the timer fired a moment before GetUtcNow reached the deadline, and the
        // session lingered for ever. Here timers of a second or more fire 5 ms early.
        EarlyTimers clock = new(_time, TimeSpan.FromMilliseconds(5));
        using SessionLinger linger = new(TimeSpan.FromMinutes(1), clock, () => 1, () => _expired++);

        _time.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(5)); // the timer fires: not due yet
        Assert.Equal(0, _expired);
        _time.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal(1, _expired);
    }

    /// <summary>The fake clock, whose timers of a second or more fire <paramref name="early"/> before they are due.</summary>
    private sealed class EarlyTimers(FakeTimeProvider fake, TimeSpan early) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            new EarlyTimer(fake.CreateTimer(callback, state, Early(dueTime), period), this);

        private TimeSpan Early(TimeSpan due) => due >= TimeSpan.FromSeconds(1) ? due - early : due;

        private sealed class EarlyTimer(ITimer timer, EarlyTimers clock) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => timer.Change(clock.Early(dueTime), period);

            public void Dispose() => timer.Dispose();

            public ValueTask DisposeAsync() => timer.DisposeAsync();
        }
    }
}
