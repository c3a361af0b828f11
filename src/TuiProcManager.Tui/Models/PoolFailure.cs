using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>An input of a pool that has no result, and why.</summary>
/// <param name="Index">Its position in the pool's inputs.</param>
/// <param name="Text">What failed and why, ready to show: <c>square(3) failed: worker 4 …</c>.</param>
/// <param name="Worker">The worker that was computing it.</param>
internal sealed record PoolFailure(int Index, string Text, WorkerId Worker);
