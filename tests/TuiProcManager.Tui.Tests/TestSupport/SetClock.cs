namespace TuiProcManager.Tui.Tests.TestSupport;

/// <summary>
/// A clock the test sets to any moment, back as well as forward: view tests draw a made-up history at a
/// chosen "now" (FakeTimeProvider refuses to go back, and has timers these views never use).
/// </summary>
internal sealed class SetClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
