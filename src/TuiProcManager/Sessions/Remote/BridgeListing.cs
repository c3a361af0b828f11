using Google.Protobuf;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;

namespace TuiProcManager.Sessions.Remote;

/// <summary>
/// What <c>tuiproc bridge --list</c> writes on stdout for <c>tuiproc ls HOST</c>: the session protocol's own
/// messages, length-delimited. First a <see cref="HelloReply"/> of the bridge itself (its protocol version
/// and program, no session), then each live session's answer to Hello. Written and read here only.
/// </summary>
/// <remarks>
/// The listing is versioned by its first message, as a connection is by Hello: a tuiproc of another major
/// version on the other host is said in one line, before anything of its listing is read.
/// </remarks>
internal static class BridgeListing
{
    /// <summary>Writes the listing of <paramref name="sessions"/> to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(Stream output, IEnumerable<HelloReply> sessions)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sessions);
        using MemoryStream buffer = new();
        new HelloReply { Major = ProtocolVersion.Major, Revision = ProtocolVersion.Revision, Server = ProtocolVersion.Program }.WriteDelimitedTo(buffer);
        foreach (HelloReply session in sessions)
        {
            session.WriteDelimitedTo(buffer);
        }

        await output.WriteAsync(buffer.ToArray()).ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>The sessions a listing from <paramref name="host"/> holds.</summary>
    /// <exception cref="SessionException">The other side speaks another protocol version, or wrote something that is no listing (one line).</exception>
    public static IReadOnlyList<SessionStatus> Read(byte[] listing, string host)
    {
        ArgumentNullException.ThrowIfNull(listing);
        if (listing.Length == 0)
        {
            throw new SessionException($"the tuiproc on {host} listed nothing, not even its version: use the same tuiproc version on both sides");
        }

        using MemoryStream input = new(listing, writable: false);
        List<SessionStatus> sessions = [];
        try
        {
            HelloReply bridge = HelloReply.Parser.ParseDelimitedFrom(input);
            if (ProtocolVersion.Mismatch(ProtocolVersion.Major, ProtocolVersion.Program, bridge.Major, bridge.Server) is { } mismatch)
            {
                throw new SessionException($"on {host}: {mismatch}");
            }

            while (input.Position < input.Length)
            {
                HelloReply session = HelloReply.Parser.ParseDelimitedFrom(input);
                if (session.Session is { } status)
                {
                    sessions.Add(status);
                }
            }
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new SessionException($"the tuiproc on {host} answered with something that is not a list of sessions: use the same tuiproc version on both sides", e);
        }

        return sessions;
    }
}
