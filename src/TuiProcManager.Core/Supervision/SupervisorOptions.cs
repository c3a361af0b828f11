using TuiProcManager.Core.Streaming;

namespace TuiProcManager.Core.Supervision;

/// <summary>Settings of the supervisor.</summary>
public sealed class SupervisorOptions
{
    /// <summary>How long terminate waits after SIGTERM before SIGKILL. Default 3 s.</summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How often each live worker's state is read from the OS. Default 50 ms, so that a change is visible
    /// within about 100 ms even with some delivery delay.
    /// </summary>
    public TimeSpan StatePollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How often states are read once nothing has changed for <see cref="QuietAfter"/>: every worker asleep
    /// costs a read of each one 20 times a second otherwise (each read of /proc/PID/stat is about 10 µs of
    /// kernel time). The first change after a quiet spell shows within this interval; every change, spawn
    /// or signal brings back <see cref="StatePollInterval"/>. Default 250 ms (one timeline cell).
    /// </summary>
    public TimeSpan QuietStatePollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long without a state change, spawn or signal before polling slows to <see cref="QuietStatePollInterval"/>. Default 2 s.</summary>
    public TimeSpan QuietAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// In pause-on-wait mode, how often the workers that may wake up (governed by the scheduler, not stopped
    /// in its queue) are read: a worker that wakes while every slot is taken runs unnoticed for up to this
    /// long. Default 1 ms (measured cost: see the README's pause-on-wait figures).
    /// </summary>
    public TimeSpan WakePollInterval { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>How often CPU and memory of every worker, and the machine's CPU use per core, are sampled. Default 1 s.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Path of the <c>tuiproc-worker</c> executable that runs square and cube workers.</summary>
    public string WorkerExecutable { get; set; } = "tuiproc-worker";

    /// <summary>
    /// Events one subscriber may have queued before its output lines and samples are dropped (and counted,
    /// see <see cref="Events.EventsDropped"/>). Default 65,536.
    /// </summary>
    public int SubscriberQueueCapacity { get; set; } = 65_536;

    /// <summary>Output text (chars) one subscriber may have queued before output lines are dropped. Default 16 Mi (32 MiB).</summary>
    public long SubscriberQueueTextChars { get; set; } = 16L * 1024 * 1024;

    /// <summary>
    /// Queued events beyond which a lossless subscriber (<see cref="ISupervisor.LosslessEvents"/>) that has
    /// stopped reading loses samples, state changes and signals, never output or results: with the
    /// workers it waits on held, only those keep coming. Default 262,144 (about 40 MiB; minutes of a
    /// stalled consumer with a thousand workers, hours with ten).
    /// </summary>
    public int LosslessQueueCapacity { get; set; } = 262_144;

    /// <summary>How much output a lossless subscriber may have queued before the workers it waits on are held. Default <see cref="BacklogLimits.Default"/>.</summary>
    public BacklogLimits LosslessBacklog { get; set; } = BacklogLimits.Default;

    /// <summary>
    /// How long a worker's output must stay held before <see cref="Events.WorkerOutputHeld"/> says so: a
    /// consumer that keeps up on average holds a flooding worker for milliseconds at a time, many times a
    /// second, and only a hold that lasts is worth showing. Default 100 ms.
    /// </summary>
    public TimeSpan OutputHeldNoticeDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(GracePeriod, TimeSpan.Zero, nameof(GracePeriod));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StatePollInterval, TimeSpan.Zero, nameof(StatePollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(QuietStatePollInterval, StatePollInterval, nameof(QuietStatePollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(WakePollInterval, TimeSpan.Zero, nameof(WakePollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(QuietAfter, TimeSpan.Zero, nameof(QuietAfter));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SampleInterval, TimeSpan.Zero, nameof(SampleInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(SubscriberQueueCapacity, 16, nameof(SubscriberQueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(SubscriberQueueTextChars, 1024, nameof(SubscriberQueueTextChars));
        ArgumentOutOfRangeException.ThrowIfLessThan(LosslessQueueCapacity, 1024, nameof(LosslessQueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(LosslessBacklog.WorkerLines, 4, nameof(LosslessBacklog));
        ArgumentOutOfRangeException.ThrowIfLessThan(LosslessBacklog.TotalLines, LosslessBacklog.WorkerLines, nameof(LosslessBacklog));
        ArgumentOutOfRangeException.ThrowIfLessThan(LosslessBacklog.WorkerChars, 1024, nameof(LosslessBacklog));
        ArgumentOutOfRangeException.ThrowIfLessThan(LosslessBacklog.TotalChars, LosslessBacklog.WorkerChars, nameof(LosslessBacklog));
        ArgumentOutOfRangeException.ThrowIfLessThan(OutputHeldNoticeDelay, TimeSpan.Zero, nameof(OutputHeldNoticeDelay));
    }
}
