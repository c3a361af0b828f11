using System.Collections.Concurrent;
using Grpc.Core;
using TuiProcManager.Core.Events;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>
/// A session that records the <see cref="CallHeaders.Protocol"/> header of each call (null when missing):
/// Hello answers as this build's server, Watch sends an empty snapshot and ends.
/// </summary>
internal sealed class HeaderRecordingSessionService : Session.SessionBase
{
    /// <summary>Each call's method and the version header it carried, in the order they came.</summary>
    public ConcurrentQueue<(string Method, string? Header)> Calls { get; } = new();

    public override Task<HelloReply> Hello(HelloRequest request, ServerCallContext context)
    {
        Record(nameof(Hello), context);
        return Task.FromResult(new HelloReply
        {
            Major = ProtocolVersion.Major,
            Revision = ProtocolVersion.Revision,
            Server = ProtocolVersion.Program,
            Session = new SessionStatus { Name = "headers", ServerPid = Environment.ProcessId },
        });
    }

    public override async Task Watch(WatchRequest request, IServerStreamWriter<EventBatch> responseStream, ServerCallContext context)
    {
        Record(nameof(Watch), context);
        await responseStream.WriteAsync(new EventBatch { Events = { new SupervisorSnapshot(1, DateTimeOffset.UnixEpoch, []).ToWire() } });
    }

    private void Record(string method, ServerCallContext context) => Calls.Enqueue((method, context.RequestHeaders.GetValue(CallHeaders.Protocol)));
}
