namespace TuiProcManager.Worker;

/// <summary>What a worker computes: the lesson's two functions.</summary>
internal enum WorkerKind
{
    /// <summary><c>print_square</c>: prints <c>Square: N²</c>.</summary>
    Square,

    /// <summary><c>print_cube</c>: prints <c>Cube: N³</c>.</summary>
    Cube,
}
