using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Pooling;

/// <summary>One input of a pool: compute <paramref name="Kind"/> of <paramref name="Input"/>.</summary>
/// <param name="Kind">Square or cube.</param>
/// <param name="Input">N, canonical.</param>
public sealed record PoolTask(WorkerKind Kind, string Input)
{
    /// <summary>The line a pool worker reads for it: <c>square 3</c>.</summary>
    public string Line => (Kind == WorkerKind.Square ? "square " : "cube ") + Input;

    /// <summary><c>square(3)</c>.</summary>
    public override string ToString() => (Kind == WorkerKind.Square ? "square(" : "cube(") + Input + ")";
}
