namespace TuiProcManager.Protocol;

/// <summary>
/// Metadata of the session protocol's calls. A client may number its commands so that the session decides
/// them in the order it sent them (HTTP/2 runs calls side by side): its connection, and the command's number
/// in it; commands without them are decided as they come. Both sides say their protocol version on every
/// call and answer.
/// </summary>
public static class CallHeaders
{
    /// <summary>The client's connection: any string unique to it.</summary>
    public const string Client = "tuiproc-client";

    /// <summary>The command's number in its client's order, from 1, without gaps.</summary>
    public const string Sequence = "tuiproc-sequence";

    /// <summary>
    /// The sender's protocol version (<see cref="PeerVersion"/>: <c>1.1 tuiproc 0.16.0</c>), in a request's
    /// headers and in every answer's, errors included. Kept in every major version, so that a peer of
    /// another one is named in one line even when nothing else of it is understood. Optional in requests:
    /// a client without it is taken at its Hello's word and its calls' package.
    /// </summary>
    public const string Protocol = "tuiproc-protocol";
}
