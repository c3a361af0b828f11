namespace TuiProcManager.Tui.Models;

/// <summary>Which of a worker's streams the output panel shows (<c>f</c> cycles them in this order).</summary>
internal enum OutputFilter
{
    /// <summary>stdout and stderr, interleaved as they were read.</summary>
    Both,

    /// <summary>stdout only.</summary>
    Stdout,

    /// <summary>stderr only.</summary>
    Stderr,
}
