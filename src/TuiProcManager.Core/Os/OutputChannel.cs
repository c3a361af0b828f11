namespace TuiProcManager.Core.Os;

/// <summary>Which of a process's outputs a line came from.</summary>
public enum OutputChannel
{
    /// <summary>Standard output (fd 1).</summary>
    Stdout,

    /// <summary>Standard error (fd 2).</summary>
    Stderr,

    /// <summary>
    /// Fd 3 of a process started <see cref="LaunchRequest.WithResults"/>: result records (see
    /// <see cref="Workers.ResultRecord"/>), never shown as output.
    /// </summary>
    Results,
}
