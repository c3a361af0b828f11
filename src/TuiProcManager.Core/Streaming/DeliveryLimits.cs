namespace TuiProcManager.Core.Streaming;

/// <summary>How much one subscriber may have queued before its events are dropped.</summary>
/// <param name="Capacity">Queued events beyond which output lines and samples are dropped.</param>
/// <param name="TextChars">Queued output text (in chars) beyond which output lines are dropped.</param>
internal readonly record struct DeliveryLimits(int Capacity, long TextChars)
{
    /// <summary>
    /// State changes and signals are dropped only past this many queued events, so that a subscriber that
    /// never reads costs bounded memory even though such events keep coming (20 per second per worker at
    /// most, at the default poll interval).
    /// </summary>
    public int HardCapacity => checked(Capacity * 4);
}
