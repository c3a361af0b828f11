using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// Answers every call a peer may not make (not the session's user, nor shared with; or shared read-only and
/// the call acts) with PERMISSION_DENIED, before the service sees it, and tells the service who calls
/// (<see cref="Caller"/>). All four kinds of call are intercepted, so no streaming call gets around the check; a stream is
/// refused before its first message either way.
/// </summary>
/// <remarks>
/// Calls to methods the server does not have never reach an interceptor: gRPC answers them UNIMPLEMENTED,
/// which tells a stranger nothing about the session.
/// </remarks>
internal sealed class PeerAccessInterceptor(PeerAccess access) : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Demand(context, request);
        return await continuation(request, context).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Demand(context, null);
        return await continuation(requestStream, context).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Demand(context, request);
        await continuation(request, responseStream, context).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Demand(context, null);
        await continuation(requestStream, responseStream, context).ConfigureAwait(false);
    }

    private void Demand(ServerCallContext context, object? request)
    {
        // Kestrel's per-request features fall back to the connection's, where RecordPeer put the peer.
        Microsoft.AspNetCore.Http.HttpContext http = context.GetHttpContext();
        PeerCredentials? peer = http.Features.Get<PeerCredentials>();
        (PeerRole role, string? refusal) = access.Decide(peer, context.Method, request);
        if (refusal is not null)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, refusal));
        }

        // The role as decided for this call: a grant taken back meanwhile closes the connection anyway.
        http.Features.Set(new Caller(peer!, role));
    }
}
