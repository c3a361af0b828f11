using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// Answers every call of a peer that is not the session's user with PERMISSION_DENIED, before the service
/// sees it. All four kinds of call are intercepted, so no streaming call gets around the check; a stream is
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
        Demand(context);
        return await continuation(request, context).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Demand(context);
        return await continuation(requestStream, context).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Demand(context);
        await continuation(request, responseStream, context).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Demand(context);
        await continuation(requestStream, responseStream, context).ConfigureAwait(false);
    }

    private void Demand(ServerCallContext context)
    {
        // Kestrel's per-request features fall back to the connection's, where RecordPeer put the peer.
        PeerCredentials? peer = context.GetHttpContext().Features.Get<PeerCredentials>();
        string? refusal = access.Refusal(peer);
        if (refusal is not null)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, refusal));
        }
    }
}
