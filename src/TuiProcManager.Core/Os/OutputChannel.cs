namespace TuiProcManager.Core.Os;

/// <summary>Which of a process's outputs a line came from.</summary>
public enum OutputChannel
{
    /// <summary>Standard output (fd 1).</summary>
    Stdout,

    /// <summary>Standard error (fd 2).</summary>
    Stderr,
}
