namespace TuiProcManager.Core.Streaming;

/// <summary>
/// How much worker output a lossless subscriber may have queued before the workers it waits on are held
/// (see <see cref="Backlog"/>). Lines count output lines and results; characters count output text.
/// </summary>
/// <param name="WorkerLines">One worker's queued lines beyond which it is held.</param>
/// <param name="WorkerChars">One worker's queued characters beyond which it is held.</param>
/// <param name="TotalLines">Everyone's queued lines beyond which every worker with at least
/// <paramref name="MinLinesToHold"/> lines queued is held.</param>
/// <param name="TotalChars">Everyone's queued characters, likewise.</param>
/// <param name="MinLinesToHold">Below this, a worker is not held for the others' backlog: a worker that
/// prints now and then is never held because another floods.</param>
public readonly record struct BacklogLimits(int WorkerLines, long WorkerChars, int TotalLines, long TotalChars, int MinLinesToHold)
{
    /// <summary>
    /// 16,384 lines or 2 Mi characters of one worker; 65,536 lines or 8 Mi characters in all (about 16 MiB
    /// of text and 7 MiB of events at the most, plus one read of at most 64 KiB per worker that was in
    /// flight when its hold came).
    /// </summary>
    public static BacklogLimits Default { get; } = new(16_384, 2L * 1024 * 1024, 65_536, 8L * 1024 * 1024, 64);
}
