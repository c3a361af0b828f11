namespace TuiProcManager.Protocol;

/// <summary>
/// Request metadata a client may send with each command so that the session decides its commands in the
/// order it sent them (HTTP/2 runs calls side by side): its connection, and the command's number in it.
/// Optional: commands without them are decided as they come.
/// </summary>
public static class CallHeaders
{
    /// <summary>The client's connection: any string unique to it.</summary>
    public const string Client = "tuiproc-client";

    /// <summary>The command's number in its client's order, from 1, without gaps.</summary>
    public const string Sequence = "tuiproc-sequence";
}
