using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>One output line as the output panel keeps it: already safe to draw (see <see cref="DisplayText"/>).</summary>
/// <param name="Worker">Whose line.</param>
/// <param name="Channel">Stdout or stderr.</param>
/// <param name="Text">The display text.</param>
/// <param name="Number">The worker's line number.</param>
/// <param name="Time">When the line was read from the worker's pipe (the event's time, UTC).</param>
internal readonly record struct OutputEntry(WorkerId Worker, OutputChannel Channel, string Text, long Number, DateTimeOffset Time);
