namespace TuiProcManager.Headless;

/// <summary>What <c>tuiproc run</c> does besides running: a time limit and files to write.</summary>
/// <param name="Timeout">Join for at most this long (<c>--timeout</c>).</param>
/// <param name="Files">The <c>--events</c> and <c>--results</c> files, already open; the runner writes and closes them.</param>
internal sealed record RunOptions(TimeSpan? Timeout, RunFiles Files);
