namespace TuiProcManager.Sessions.Transport;

/// <summary>What a peer may do in a session, from least to most (the protocol's PeerRole, and none).</summary>
public enum PeerRole
{
    /// <summary>Not the session's user, and not shared with: every call refused.</summary>
    None,

    /// <summary>Shared with, to watch: Hello, Status, a screen's Watch, WatchLab, WatchNotices.</summary>
    ReadOnly,

    /// <summary>Shared with <c>--control</c>: every call but Share and End.</summary>
    Control,

    /// <summary>The session's own user: everything.</summary>
    Owner,
}
