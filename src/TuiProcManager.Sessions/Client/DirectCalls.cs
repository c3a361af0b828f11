using System.Runtime.CompilerServices;
using Grpc.Core;
using Grpc.Net.Client;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Client;

/// <summary>
/// The calls every client makes first (Hello, and Watch for a snapshot), made on Grpc.Net.Client's own
/// invoker directly instead of through <see cref="CallInvoker"/>'s generic virtual methods, with the
/// <see cref="CallHeaders.Protocol"/> header every call of this client carries (<see cref="VersionHeader"/>).
/// </summary>
/// <remarks>
/// <para>
/// A generated client calls <c>CallInvoker.AsyncUnaryCall&lt;TRequest, TResponse&gt;</c>, a generic virtual
/// method, and through the interceptor that adds the header, two more; NativeAOT resolves such a call at its
/// first use by building the override's instantiation with its type loader: about 4.5 ms of CPU per call on
/// this machine, 17% of <c>tuiproc ctl NAME ps</c> (perf, its two calls). Called non-virtually, on the exact
/// type, the instantiation is compiled with the binary. The answers are the invoker's own, so a failure
/// reaches the caller as the same <see cref="RpcException"/>, with the server's header in its trailers.
/// </para>
/// <para>
/// Grpc.Net.Client 2.85.0's invoker (<c>HttpClientCallInvoker</c>, internal) is reached by name
/// (<see cref="UnsafeAccessorAttribute"/>), and made here, so that it is of the type the accessors name. If a
/// later version renames it, the constructor's accessor throws <see cref="MissingMethodException"/>, and the
/// calls go through the generated client (with its interceptor) as before: slower at their first use,
/// nothing else. The version is pinned centrally, and a test fails if the calls are not direct.
/// </para>
/// </remarks>
internal sealed class DirectCalls
{
    private const string Invoker = "Grpc.Net.Client.Internal.HttpClientCallInvoker, Grpc.Net.Client";

    private readonly Session.SessionClient _generated;
    private readonly object? _invoker;

    /// <summary>Calls over <paramref name="channel"/>; <paramref name="generated"/> (which adds the header itself) when the invoker cannot be made.</summary>
    public DirectCalls(GrpcChannel channel, Session.SessionClient generated)
    {
        _generated = generated;
        try
        {
            _invoker = NewInvoker(channel);
        }
        catch (MissingMethodException)
        {
            _invoker = null;
        }
    }

    /// <summary>Whether the calls are made directly (for tests).</summary>
    internal bool AreDirect => _invoker is not null;

    /// <summary>Hello.</summary>
    public AsyncUnaryCall<HelloReply> Hello(HelloRequest request, CancellationToken cancellationToken) =>
        _invoker is { } invoker
            ? Unary(invoker, Session.HelloMethod, null, Options(cancellationToken), request)
            : _generated.HelloAsync(request, cancellationToken: cancellationToken);

    /// <summary>Watch.</summary>
    public AsyncServerStreamingCall<EventBatch> Watch(WatchRequest request, CancellationToken cancellationToken) =>
        _invoker is { } invoker
            ? ServerStreaming(invoker, Session.WatchMethod, null, Options(cancellationToken), request)
            : _generated.Watch(request, cancellationToken: cancellationToken);

    private static CallOptions Options(CancellationToken cancellationToken) => new(VersionHeader.AddTo([]), cancellationToken: cancellationToken);

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    [return: UnsafeAccessorType(Invoker)]
    private static extern object NewInvoker(GrpcChannel channel);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "AsyncUnaryCall")]
    private static extern AsyncUnaryCall<TResponse> Unary<TRequest, TResponse>(
        [UnsafeAccessorType(Invoker)] object invoker, Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        where TRequest : class
        where TResponse : class;

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "AsyncServerStreamingCall")]
    private static extern AsyncServerStreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(
        [UnsafeAccessorType(Invoker)] object invoker, Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        where TRequest : class
        where TResponse : class;
}
