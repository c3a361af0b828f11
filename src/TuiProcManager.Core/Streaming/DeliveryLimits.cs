namespace TuiProcManager.Core.Streaming;

/// <summary>How much one subscriber may have queued before its events are dropped.</summary>
/// <param name="Capacity">Queued events beyond which a lossy subscriber's output lines and samples are dropped.</param>
/// <param name="TextChars">Queued output text (in chars) beyond which a lossy subscriber's output lines are dropped.</param>
/// <param name="LosslessCapacity">Queued events beyond which even a lossless subscriber loses samples, state
/// changes and signals (never output, results or lifecycle events): only a consumer stalled for minutes
/// gets there, since the workers it waits on are held long before (see <see cref="Backlog"/>), and the
/// loss is then an <see cref="Events.EventsDropped"/> it must report.</param>
internal readonly record struct DeliveryLimits(int Capacity, long TextChars, int LosslessCapacity)
{
    /// <summary>
    /// State changes and signals are dropped only past this many queued events, so that a subscriber that
    /// never reads costs bounded memory even though such events keep coming (20 per second per worker at
    /// most, at the default poll interval).
    /// </summary>
    public int HardCapacity => checked(Capacity * 4);
}
