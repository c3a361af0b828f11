using Grpc.Core;
using TuiProcManager.Protocol;

namespace TuiProcManager.Sessions.Client;

/// <summary>
/// The <see cref="CallHeaders.Protocol"/> header every call of this client carries, whichever way it is made
/// (the generated client's interceptor, or <see cref="DirectCalls"/>): the server names a client of another
/// major version by it.
/// </summary>
internal static class VersionHeader
{
    /// <summary>Adds this build's version to a call's <paramref name="headers"/>, and returns them.</summary>
    public static Metadata AddTo(Metadata headers)
    {
        headers.Add(CallHeaders.Protocol, ProtocolVersion.This.Header);
        return headers;
    }
}
