namespace TuiProcManager.Protocol;

/// <summary>
/// The version of the session protocol this build speaks (Protos/session.proto): the major version is the
/// proto package's (<c>tuiproc.session.v1</c>); the revision counts additions an older peer can ignore.
/// </summary>
public static class ProtocolVersion
{
    /// <summary>The proto package's version: a peer of another major version cannot be talked to.</summary>
    public const uint Major = 1;

    /// <summary>Additions within <see cref="Major"/> (new fields, event kinds, calls) since it began.</summary>
    public const uint Revision = 2; // 2: labs (HelloReply.lab, WatchLab, LabHint, LabAnswer)

    /// <summary>This build's program and version, for people: "tuiproc 1.2.3".</summary>
    public static string Program { get; } = "tuiproc " + (typeof(ProtocolVersion).Assembly.GetName().Version?.ToString(3) ?? "?");

    /// <summary>
    /// The one line for two peers that cannot talk, or null when they can (same major version).
    /// </summary>
    /// <param name="ours">This side's major version.</param>
    /// <param name="theirs">The other side's.</param>
    /// <param name="theirProgram">The other side's program and version, if known.</param>
    /// <param name="theyAre">"the session" or "this client".</param>
    public static string? Mismatch(uint ours, uint theirs, string? theirProgram, string theyAre) =>
        ours == theirs
            ? null
            : $"{theyAre} speaks session protocol {theirs}{(string.IsNullOrEmpty(theirProgram) ? "" : $" ({theirProgram})")}, this tuiproc speaks {ours} ({Program}): use the same tuiproc version on both sides";
}
