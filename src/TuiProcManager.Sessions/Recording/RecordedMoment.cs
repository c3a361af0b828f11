using TuiProcManager.Core.Events;

namespace TuiProcManager.Sessions.Recording;

/// <summary>
/// A moment of a recording as a screen needs it (<see cref="RecordingReader.HistoryAt"/>): what a screen
/// that attached then would have been given, bounded as a session's history is.
/// </summary>
/// <param name="History">A snapshot of the session's start, then what is kept of every event up to the moment, in order.</param>
/// <param name="Sequence">The last event the moment includes: play on with <see cref="RecordingReader.EventsAfter"/>(Sequence).</param>
/// <param name="Time">That event's time (the moment asked for, or the nearest before it that has an event).</param>
public sealed record RecordedMoment(IReadOnlyList<SupervisorEvent> History, long Sequence, DateTimeOffset Time);
