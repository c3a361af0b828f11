namespace TuiProcManager.Core.Streaming;

/// <summary>How a screen takes the supervisor's events (<see cref="Supervision.ISupervisor.ScreenBatches"/>): how often, and how many may wait for it.</summary>
/// <param name="Window">How long a batch gathers after the first event of a quiet spell.</param>
/// <param name="MaxWaiting">Events that may wait for the screen while it is behind (the supervisor's own
/// <see cref="Supervision.SupervisorOptions.SubscriberQueueCapacity"/> if that is lower); past it the oldest
/// output lines and samples are dropped, and counted, so that the screen gets the tail. At least 16.</param>
public sealed record ScreenPacing(TimeSpan Window, int MaxWaiting)
{
    /// <summary>
    /// A 33 ms window (about 30 updates a second, the UI's frame rate) and 5,000 events waiting at most. The
    /// Output panel shows a worker's last 2,000 lines, so more waiting is work thrown away on the UI thread:
    /// with 20,000 lines allowed to wait instead, a key during a 1,000,000-line flood took 483 ms to show
    /// instead of 372 ms, and the peak was 114 MiB instead of 96 MiB (the <c>flood</c> benchmark; that run also had
    /// PGO on).
    /// </summary>
    public static ScreenPacing Default { get; } = new(TimeSpan.FromMilliseconds(33), 5_000);

    /// <summary>
    /// How long the first batch (the snapshot, and whatever comes with it) gathers; <see cref="Window"/> when
    /// null. Zero hands the snapshot over as soon as the subscription is made: a screen that attaches to a
    /// session waits for its history, which the server sends with that first batch.
    /// </summary>
    public TimeSpan? FirstWindow { get; init; }
}
