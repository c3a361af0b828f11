namespace TuiProcManager.Core.Streaming;

/// <summary>What <see cref="SubscriberQueue.Take"/> found.</summary>
internal enum QueueTake
{
    /// <summary>Nothing waits: the queue is idle again, and the next event starts a delivery anew.</summary>
    Idle,

    /// <summary>A batch was taken: deliver it.</summary>
    Batch,

    /// <summary>Everything was delivered and the stream ended: deliver OnCompleted (once).</summary>
    Completed,
}
