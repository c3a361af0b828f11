using Grpc.Core;

namespace TuiProcManager.Protocol.V1;

/// <summary>The generated service's method descriptions that clients also use directly (see the Sessions client's DirectCalls).</summary>
public static partial class Session
{
    /// <summary>The Hello call: every client's first.</summary>
    public static Method<HelloRequest, HelloReply> HelloMethod => __Method_Hello;

    /// <summary>The Watch call: the event stream.</summary>
    public static Method<WatchRequest, EventBatch> WatchMethod => __Method_Watch;
}
