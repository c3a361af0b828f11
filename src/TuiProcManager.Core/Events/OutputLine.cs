using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>One line a worker wrote, without its line end.</summary>
/// <remarks>
/// The text is exactly what the worker wrote (invalid UTF-8 replaced by U+FFFD; a line over the
/// launcher's limit cut with a marker): it may hold control characters and escape sequences, so show it
/// through <see cref="Text.TerminalText.Sanitize"/>, never raw.
/// </remarks>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Worker">See <see cref="WorkerEvent"/>.</param>
/// <param name="Channel">Stdout or stderr.</param>
/// <param name="Text">The line.</param>
/// <param name="Number">1 for the worker's first line (stdout and stderr counted together), then 2, 3…</param>
public sealed record OutputLine(long Sequence, DateTimeOffset Time, WorkerId Worker, OutputChannel Channel, string Text, long Number)
    : WorkerEvent(Sequence, Time, Worker);
