namespace TuiProcManager.Core.Workers;

/// <summary>What a worker runs.</summary>
public enum WorkerKind
{
    /// <summary>The lesson's <c>print_square</c>: prints <c>Square: N²</c>.</summary>
    Square,

    /// <summary>The lesson's <c>print_cube</c>: prints <c>Cube: N³</c>.</summary>
    Cube,

    /// <summary>Any program, given as an argument vector (never run through a shell).</summary>
    Command,

    /// <summary>A long-lived worker of a pool: reads <c>square N</c> / <c>cube N</c> inputs from stdin, one at a time.</summary>
    Pool,
}
