namespace TuiProcManager.Core.Events;

/// <summary>
/// Everything the supervisor publishes. Immutable; in one total order (<see cref="Sequence"/>), so in
/// order per worker.
/// </summary>
/// <remarks>
/// A worker that crashes is an event (<see cref="WorkerEnded"/>), not an error of the stream: the stream
/// fails (OnError) only if the supervisor itself breaks.
/// </remarks>
/// <param name="Sequence">Position in the supervisor's order of events, from 1, without gaps in what
/// the supervisor published (a subscriber may see gaps where its own events were dropped, see
/// <see cref="EventsDropped"/>).</param>
/// <param name="Time">When it happened, on the supervisor's clock.</param>
public abstract record SupervisorEvent(long Sequence, DateTimeOffset Time);
