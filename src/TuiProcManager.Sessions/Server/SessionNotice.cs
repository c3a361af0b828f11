using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Server;

/// <summary>A line a session server said for people (<see cref="SessionNotices"/>).</summary>
/// <param name="Text">One line.</param>
/// <param name="At">When it was said.</param>
/// <param name="Watchers">Set when the line says who watches: the watchers then (possibly none).</param>
public sealed record SessionNotice(string Text, DateTimeOffset At, IReadOnlyList<WatcherEntry>? Watchers = null);
