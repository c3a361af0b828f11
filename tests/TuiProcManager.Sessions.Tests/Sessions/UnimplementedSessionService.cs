using Grpc.Core;
using Microsoft.AspNetCore.Http;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>
/// A server that implements none of the v1 calls: every one is answered UNIMPLEMENTED, as a server of
/// another major version answers a v1 client (its service lives in another proto package), with
/// <paramref name="versionHeader"/> as its <see cref="CallHeaders.Protocol"/> header (none when null).
/// </summary>
internal sealed class UnimplementedSessionService(string? versionHeader) : Session.SessionBase
{
    public override Task<HelloReply> Hello(HelloRequest request, ServerCallContext context)
    {
        IHeaderDictionary headers = context.GetHttpContext().Response.Headers;
        if (versionHeader is null)
        {
            _ = headers.Remove(CallHeaders.Protocol);
        }
        else
        {
            headers[CallHeaders.Protocol] = versionHeader;
        }

        throw new RpcException(new Status(StatusCode.Unimplemented, "Method is unimplemented."));
    }
}
