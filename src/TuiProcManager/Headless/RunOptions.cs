namespace TuiProcManager.Headless;

/// <summary>What <c>tuiproc run</c> does besides running: a time limit and files to write.</summary>
/// <param name="Timeout">Join for at most this long (<c>--timeout</c>).</param>
/// <param name="EventsPath">Where to write every event as JSON Lines (<c>--events</c>).</param>
/// <param name="ResultsPath">Where to write the results table as JSON (<c>--results</c>).</param>
internal sealed record RunOptions(TimeSpan? Timeout, string? EventsPath, string? ResultsPath);
