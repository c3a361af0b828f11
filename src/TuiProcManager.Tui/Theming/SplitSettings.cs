namespace TuiProcManager.Tui.Theming;

/// <summary>
/// The split output view as the settings file remembers it (<c>"outputSplit"</c>): its layout, always; its
/// workers, by their IDs in the session they were chosen in. A worker's ID is the same for every client of
/// a session and across detach and attach; a new session numbers its workers from 1 again, so a session of
/// the same name (numbered names are reused) started with the same workers gets the same panes back.
/// </summary>
internal sealed record SplitSettings
{
    /// <summary><c>beside</c> or <c>stacked</c>.</summary>
    public string? Layout { get; init; }

    /// <summary>The session the workers were chosen in; null for a UI without one (a replay's own workers).</summary>
    public string? Session { get; init; }

    /// <summary>The workers' IDs, in the panes' order (none, or two to four).</summary>
    public IReadOnlyList<int>? Workers { get; init; }

    /// <summary>What is wrong with it, in words for the header, or null when it can be used.</summary>
    public string? Problem() =>
        Layout is not (null or "beside" or "stacked") ? "\"outputSplit.layout\" must be \"beside\" or \"stacked\""
        : Workers is { } ids && (ids.Count > Models.OutputSplit.MaxPanes || ids.Any(id => id < 1))
            ? $"\"outputSplit.workers\" must be up to {Models.OutputSplit.MaxPanes} worker IDs (1, 2, …)"
            : null;
}
