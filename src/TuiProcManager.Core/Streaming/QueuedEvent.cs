using TuiProcManager.Core.Events;

namespace TuiProcManager.Core.Streaming;

/// <summary>An event on its way to subscribers, in the arrays and lists that carry a flood.</summary>
/// <remarks>
/// A struct around the reference so that storing one is a plain store: an array of an unsealed class type
/// (SupervisorEvent) checks every store for covariance, which was 6% of all perf samples under a
/// flood (perf, NativeAOT build).
/// </remarks>
/// <param name="Event">The event.</param>
internal readonly record struct QueuedEvent(SupervisorEvent Event);
