using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>One row of the Results panel.</summary>
/// <param name="Time">When the result arrived.</param>
/// <param name="Worker">The worker that computed it (or died computing it).</param>
/// <param name="Pid">Its process ID, when known.</param>
/// <param name="Text"><c>square(6) = 36</c>, or <c>square(3) failed: …</c>; made safe and cut to a bounded length.</param>
/// <param name="Failed">True when there is no result, only why.</param>
internal sealed record ResultEntry(DateTimeOffset Time, WorkerId Worker, int? Pid, string Text, bool Failed);
