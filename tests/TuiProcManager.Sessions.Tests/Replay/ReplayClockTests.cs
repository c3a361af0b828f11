using Microsoft.Extensions.Time.Testing;
using TuiProcManager.Sessions.Replay;

namespace TuiProcManager.Sessions.Tests.Replay;

public sealed class ReplayClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddMinutes(5);

    private readonly FakeTimeProvider _real = new();

    [Fact]
    public void Playing_MovesAtItsSpeed_AndStopsAtTheEnd()
    {
        ReplayClock clock = new(Start, End, speed: 2, _real);
        Assert.Equal(Start, clock.Now);
        _real.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(Start.AddSeconds(20), clock.Now);
        Assert.Equal(Start.AddSeconds(20), clock.GetUtcNow());
        _real.Advance(TimeSpan.FromHours(1));
        Assert.Equal(End, clock.Now);
        Assert.True(clock.AtEnd);
    }

    [Fact]
    public void Pause_HoldsTheClock_AndPlayingOnGoesFromThere_WithoutASeek()
    {
        ReplayClock clock = new(Start, End, real: _real);
        _real.Advance(TimeSpan.FromSeconds(3));
        clock.TogglePause();
        _real.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(Start.AddSeconds(3), clock.Now);
        Assert.True(clock.Paused);
        clock.TogglePause();
        _real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Start.AddSeconds(4), clock.Now);
        Assert.Equal(0, clock.Generation); // the screen plays on: nothing to rebuild
    }

    [Fact]
    public void Seeks_StayWithinTheRecording_AndEachRaisesTheGeneration()
    {
        ReplayClock clock = new(Start, End, real: _real);
        int changes = 0;
        clock.Changed += () => changes++;
        clock.SeekBy(TimeSpan.FromSeconds(-10));
        Assert.Equal(Start, clock.Now);
        clock.SeekBy(TimeSpan.FromSeconds(70));
        Assert.Equal(Start.AddSeconds(70), clock.Now);
        clock.SeekTo(End.AddDays(1));
        Assert.Equal(End, clock.Now);
        Assert.Equal(3, clock.Generation);
        Assert.Equal(3, changes);
    }

    [Fact]
    public void Space_AtTheEnd_PlaysItAgainFromTheStart()
    {
        ReplayClock clock = new(Start, End, real: _real);
        clock.SeekTo(End);
        clock.TogglePause();
        Assert.Equal(Start, clock.Now);
        Assert.False(clock.Paused);
        Assert.Equal(2, clock.Generation);
    }

    [Fact]
    public void StepSpeed_GoesThroughTheSteps_AndStaysWithinThem_KeepingThePlace()
    {
        ReplayClock clock = new(Start, End, speed: 3, _real);
        _real.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(4, clock.StepSpeed(+1)); // from a speed between two steps, the next one up
        Assert.Equal(Start.AddSeconds(30), clock.Now); // what was played at the old speed stays
        _real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Start.AddSeconds(34), clock.Now);
        Assert.Equal(2, clock.StepSpeed(-1));
        foreach (int _ in Enumerable.Range(0, 20))
        {
            clock.StepSpeed(+1);
        }

        Assert.Equal(ReplayClock.Steps[^1], clock.Speed);
        foreach (int _ in Enumerable.Range(0, 20))
        {
            clock.StepSpeed(-1);
        }

        Assert.Equal(ReplayClock.Steps[0], clock.Speed);
        Assert.Equal(0, clock.Generation);
    }

    [Fact]
    public void Describe_SaysTheClock_WhereItIs_AndWhatItDoes()
    {
        ReplayClock clock = new(Start, Start.AddHours(1).AddSeconds(5), speed: 0.5, _real);
        _real.Advance(TimeSpan.FromSeconds(124));
        Assert.Equal("10:01:02 (1:02 of 1:00:05) playing ×0.5", clock.Describe(TimeZoneInfo.Utc));
        clock.TogglePause();
        Assert.Equal("10:01:02 (1:02 of 1:00:05) paused (×0.5; space plays)", clock.Describe(TimeZoneInfo.Utc));
        clock.TogglePause();
        clock.SeekTo(clock.End);
        Assert.Equal("11:00:05 (1:00:05 of 1:00:05) at the end (×0.5; space plays it again)", clock.Describe(TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public void ASpeedOutOfRange_IsRefused(double speed) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayClock(Start, End, speed, _real));
}
