using System.Globalization;

namespace TuiProcManager.Sessions.Replay;

/// <summary>
/// The clock of a replay: the recording's time, moving at <see cref="Speed"/> times the real clock while
/// playing, held while paused, and kept between <see cref="Start"/> and <see cref="End"/> (at the end it
/// stands still, as a player does). It is the UI's clock too (<see cref="TimeProvider"/>), so that every
/// "5 s ago" and the lab's time on a step read as they did when the session ran.
/// </summary>
/// <remarks>
/// Thread-safe: the player reads it on its thread, the UI moves it on the UI thread. A seek (any jump:
/// <see cref="SeekTo"/>, <see cref="SeekBy"/>, back to the start) raises <see cref="Generation"/>, which is
/// how the player knows to rebuild the screen from the recording instead of playing on; pausing and a new
/// speed only re-anchor the clock and never rebuild anything.
/// </remarks>
public sealed class ReplayClock : TimeProvider
{
    /// <summary>The speeds <c>[</c> and <c>]</c> step through.</summary>
    public static IReadOnlyList<double> Steps { get; } = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];

    /// <summary>The slowest and fastest speed <c>--speed</c> takes.</summary>
    public const double MinSpeed = 0.01, MaxSpeed = 1000;

    private readonly TimeProvider _real;
    private readonly Lock _lock = new();
    private DateTimeOffset _anchor; // the recording's time at _anchorTicks
    private long _anchorTicks;      // the real clock's timestamp then

    /// <summary>A clock at <paramref name="start"/>, playing at <paramref name="speed"/>.</summary>
    /// <param name="start">The recording's first moment.</param>
    /// <param name="end">Its last.</param>
    /// <param name="speed">The speed (<see cref="MinSpeed"/> to <see cref="MaxSpeed"/>).</param>
    /// <param name="real">The real clock (tests: a fake one).</param>
    public ReplayClock(DateTimeOffset start, DateTimeOffset end, double speed = 1, TimeProvider? real = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, MinSpeed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(speed, MaxSpeed);
        _real = real ?? System;
        Start = start;
        End = end < start ? start : end;
        Speed = speed;
        _anchor = start;
        _anchorTicks = _real.GetTimestamp();
    }

    /// <summary>The recording's first moment.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The recording's last moment.</summary>
    public DateTimeOffset End { get; }

    /// <summary>Recorded seconds per real second.</summary>
    public double Speed { get; private set; }

    /// <summary>Held where it is (space).</summary>
    public bool Paused { get; private set; }

    /// <summary>Raised by every jump: what was shown no longer leads to now by playing on.</summary>
    public int Generation { get; private set; }

    /// <summary>Raised after every change made here (a seek, a pause, a speed), on the thread that made it.</summary>
    public event Action? Changed;

    /// <summary>The recording's time now.</summary>
    public DateTimeOffset Now
    {
        get
        {
            lock (_lock)
            {
                return NowLocked();
            }
        }
    }

    /// <summary>True once the clock stands at <see cref="End"/>.</summary>
    public bool AtEnd => Now >= End;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Pauses, or plays on (from the start again when at the end).</summary>
    public void TogglePause()
    {
        lock (_lock)
        {
            DateTimeOffset now = NowLocked();
            if (Paused || now < End)
            {
                Anchor(now);
                Paused = !Paused;
            }
            else
            {
                Anchor(Start); // played to the end: space plays it again
                Generation++;
            }
        }

        Changed?.Invoke();
    }

    /// <summary>Moves to <paramref name="time"/> (kept within the recording), paused or playing as before.</summary>
    public void SeekTo(DateTimeOffset time)
    {
        lock (_lock)
        {
            Anchor(time < Start ? Start : time > End ? End : time);
            Generation++;
        }

        Changed?.Invoke();
    }

    /// <summary>Moves by <paramref name="by"/> (← and →: 10 s), within the recording.</summary>
    public void SeekBy(TimeSpan by) => SeekTo(Now + by);

    /// <summary>One step of <see cref="Steps"/> faster (+1) or slower (-1); the speed now.</summary>
    public double StepSpeed(int direction)
    {
        lock (_lock)
        {
            double speed = Speed;
            double next = direction > 0
                ? Steps.FirstOrDefault(s => s > speed + 1e-9, Steps[^1])
                : Steps.LastOrDefault(s => s < speed - 1e-9, Steps[0]);
            Anchor(NowLocked());
            Speed = next;
        }

        Changed?.Invoke();
        return Speed;
    }

    /// <summary>
    /// The replay as the header says it: the recording's clock in <paramref name="zone"/>, how far in, and
    /// what it is doing, at which speed (<c>10:02:13 (1:02 of 5:40) playing ×2</c>, <c>… paused (×2; space plays)</c>).
    /// </summary>
    public string Describe(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        DateTimeOffset now;
        bool paused;
        double speed;
        lock (_lock)
        {
            (now, paused, speed) = (NowLocked(), Paused, Speed);
        }

        string times = "×" + speed.ToString("0.##", CultureInfo.InvariantCulture);
        string doing = now >= End && !paused ? $"at the end ({times}; space plays it again)"
            : paused ? $"paused ({times}; space plays)"
            : "playing " + times;
        return $"{TimeZoneInfo.ConvertTime(now, zone):HH:mm:ss} ({Span(now - Start)} of {Span(End - Start)}) {doing}";
    }

    /// <summary>1:02, 1:02:03.</summary>
    private static string Span(TimeSpan span) => span.TotalHours >= 1
        ? $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}"
        : $"{span.Minutes}:{span.Seconds:00}";

    private DateTimeOffset NowLocked()
    {
        if (Paused)
        {
            return _anchor;
        }

        TimeSpan real = _real.GetElapsedTime(_anchorTicks);
        double ticks = real.Ticks * Speed;
        DateTimeOffset now = ticks >= (End - _anchor).Ticks ? End : _anchor + TimeSpan.FromTicks((long)ticks);
        return now < Start ? Start : now;
    }

    private void Anchor(DateTimeOffset at)
    {
        _anchor = at;
        _anchorTicks = _real.GetTimestamp();
    }
}
