namespace TuiProcManager.Protocol;

/// <summary>
/// The version of the session protocol this build speaks (Protos/session.proto): the major version is the
/// proto package's (<c>tuiproc.session.v1</c>); the revision counts additions an older peer can ignore.
/// </summary>
/// <remarks>
/// Peers of one major version always talk, whatever their revisions: a newer side's new fields and event
/// kinds are passed over by an older one, and a call an older server lacks answers UNIMPLEMENTED. Peers of
/// two major versions never do: every call is refused with <see cref="Mismatch"/>'s line, on whichever
/// side finds out first (the client from Hello's reply or the <see cref="CallHeaders.Protocol"/> header of
/// an answer, the server from Hello, that header or the call's package).
/// </remarks>
public static class ProtocolVersion
{
    /// <summary>The proto package's version: a peer of another major version cannot be talked to.</summary>
    public const uint Major = 1;

    /// <summary>Additions within <see cref="Major"/> (new fields, event kinds, calls) since it began.</summary>
    public const uint Revision = 4; // 2: labs (HelloReply.lab, WatchLab, LabHint, LabAnswer); 3: WatchNotices, EndReply.record_problem; 4: Share, roles, watchers

    /// <summary>This build's program and version, for people: "tuiproc 1.2.3".</summary>
    public static string Program { get; } = "tuiproc " + (typeof(ProtocolVersion).Assembly.GetName().Version?.ToString(3) ?? "?");

    /// <summary>This build's version as the <see cref="CallHeaders.Protocol"/> header says it.</summary>
    public static PeerVersion This { get; } = new(Major, Revision, Program);

    /// <summary>
    /// The one line for a client and a session server of two major versions, or null when they can talk
    /// (same major). Worded for the client's user, who reads it whichever side found the mismatch.
    /// </summary>
    /// <param name="clientMajor">The client's major version.</param>
    /// <param name="clientProgram">The client's program and version, if known.</param>
    /// <param name="serverMajor">The server's major version.</param>
    /// <param name="serverProgram">The server's program and version, if known.</param>
    public static string? Mismatch(uint clientMajor, string? clientProgram, uint serverMajor, string? serverProgram) =>
        clientMajor == serverMajor
            ? null
            : $"this tuiproc speaks session protocol {clientMajor}{Aside(clientProgram)}, the session's server speaks {serverMajor}{Aside(serverProgram)}: {WhatToDo}";

    /// <summary>
    /// The one line for a server that knows none of this client's calls and did not say its version (a
    /// server older than the <see cref="CallHeaders.Protocol"/> header, or not a tuiproc).
    /// </summary>
    public static string UnknownServer { get; } =
        $"this tuiproc speaks session protocol {Major} ({Program}), the session's server does not (it knows no call of it): {WhatToDo}";

    /// <summary>What a user does about a mismatch: the session's own tuiproc can always talk to it.</summary>
    private const string WhatToDo = "use the tuiproc that started the session";

    private static string Aside(string? program) => string.IsNullOrEmpty(program) ? "" : $" ({program})";
}
