namespace TuiProcManager.Core.Streaming;

/// <summary>How a <see cref="SubscriberQueue"/> reaches its observer: event by event, or in batches paced for a screen.</summary>
internal interface IQueueDelivery
{
    /// <summary>
    /// Work came to an idle queue (an event, or the end): arrange for <see cref="SubscriberQueue.Take"/> to be
    /// called. Called under the queue's lock, itself under the supervisor's gate: it must only schedule, never
    /// run the observer or wait (a UI scheduler, whose lock the UI thread holds while it calls back into the
    /// supervisor, must not be called from here).
    /// </summary>
    void Start(SubscriberQueue queue);
}
