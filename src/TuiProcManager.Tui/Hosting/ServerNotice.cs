namespace TuiProcManager.Tui.Hosting;

/// <summary>A line a session's server says while the UI runs (<see cref="TuiOptions.Notices"/>).</summary>
/// <param name="Text">One line for people.</param>
/// <param name="Watchers">
/// Set when the line says who watches the session (another user attached or left): everyone watching now,
/// as the header shows them ("bob (read-only)"); null for a problem (an events file that cannot be written).
/// </param>
public sealed record ServerNotice(string Text, IReadOnlyList<string>? Watchers = null);
