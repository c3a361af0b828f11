using Grpc.Core;
using TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Tests.Transport;

/// <summary>
/// A session service for transport tests: Hello and Status answer, Watch streams <c>events</c> events
/// numbered from 1 (<c>eventsPerBatch</c> to a batch), then, when the request follows, waits for the call
/// to be cancelled, or (consumer <see cref="IgnoresCancellation"/>) for <see cref="Release"/>. The other
/// calls are left unimplemented.
/// </summary>
internal sealed class TestSessionService(int events = 3, int eventsPerBatch = 100) : Session.SessionBase
{
    /// <summary>The Watch consumer whose stream holds on through cancellation until released.</summary>
    public const string IgnoresCancellation = "ignores cancellation";

    /// <summary>Ends the streams of consumer <see cref="IgnoresCancellation"/>.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Task<HelloReply> Hello(HelloRequest request, ServerCallContext context) =>
        Task.FromResult(new HelloReply { Major = 1, Revision = request.Revision, Server = "test " + request.Client });

    public override Task<SessionStatus> Status(StatusRequest request, ServerCallContext context) =>
        Task.FromResult(new SessionStatus { Name = "test", ServerPid = Environment.ProcessId });

    public override async Task Watch(WatchRequest request, IServerStreamWriter<EventBatch> responseStream, ServerCallContext context)
    {
        EventBatch batch = new();
        for (long sequence = 1; sequence <= events; sequence++)
        {
            batch.Events.Add(new Event { Sequence = sequence });
            if (batch.Events.Count == eventsPerBatch || sequence == events)
            {
                await responseStream.WriteAsync(batch, context.CancellationToken);
                batch = new EventBatch();
            }
        }

        if (!request.Follow)
        {
            return;
        }

        if (request.Consumer == IgnoresCancellation)
        {
            await Release.Task;
        }
        else
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
    }
}
