using TuiProcManager.Core.Events;

namespace TuiProcManager.Core.Streaming;

/// <summary>
/// A consumer that the supervisor hands every event to at once, on the publishing thread and under its gate
/// (<see cref="Supervision.Supervisor.Tap"/>): no queue, no thread, nothing dropped or held. For a consumer
/// whose work per event is less than a queue's (a session's history, which only keeps: a million-line flood
/// cost it a third of the server's CPU through a queue and a thread of its own).
/// </summary>
/// <remarks>
/// Constraints, since the gate is held: every member must be quick, must never block (a leaf lock held only
/// briefly is the most it may take), must never throw, and must never call the supervisor. Calls come in the
/// stream's order, one at a time.
/// </remarks>
public interface IEventTap
{
    /// <summary>One event: the snapshot that opens the tap, then each live event that is not an output line in a read.</summary>
    void OnEvent(SupervisorEvent e);

    /// <summary>A read's worth of one worker's output lines, in order (the span is the supervisor's: copy what is kept).</summary>
    void OnLines(ReadOnlySpan<OutputLine> lines);

    /// <summary>The supervisor has stopped: nothing more comes.</summary>
    void OnCompleted();
}
