using System.Collections.Immutable;
using Google.Protobuf;
using Grpc.Core;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;
using WorkerInfo = TuiProcManager.Core.Events.WorkerInfo;
using WorkerSpec = TuiProcManager.Core.Workers.WorkerSpec;
using WorkerState = TuiProcManager.Core.Workers.WorkerState;

namespace TuiProcManager.Tests.TestSupport;

/// <summary>
/// The session service of another tuiproc build, for the real tuiproc to meet: it says <paramref name="version"/>
/// in its version header on every answer and, when <paramref name="knowsThisHello"/>, in Hello's reply (a build
/// of another major that still answers v1's Hello says its major there; one that does not answers
/// UNIMPLEMENTED, as a service of another proto package does). Its session runs one worker, a real
/// <c>sleep 600</c> of the test's at <paramref name="workerPid"/>; what a newer revision adds rides along: a
/// field of Hello's reply and an event kind that this build does not know.
/// </summary>
internal sealed class OtherBuildSessionService(string name, PeerVersion version, bool knowsThisHello, int workerPid) : Session.SessionBase
{
    private int _callsAfterHello;

    /// <summary>How many calls other than Hello were made: a client that stops at a mismatch makes none.</summary>
    public int CallsAfterHello => Volatile.Read(ref _callsAfterHello);

    public override Task<HelloReply> Hello(HelloRequest request, ServerCallContext context)
    {
        SayVersion(context);
        if (!knowsThisHello)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, "Service is unimplemented."));
        }

        return Task.FromResult(WithFieldOfANewerRevision(
            new HelloReply { Major = version.Major, Revision = version.Revision, Server = version.Program, Session = CurrentStatus() }));
    }

    public override Task<SessionStatus> Status(StatusRequest request, ServerCallContext context)
    {
        _ = Interlocked.Increment(ref _callsAfterHello);
        SayVersion(context);
        return Task.FromResult(CurrentStatus());
    }

    public override async Task Watch(WatchRequest request, IServerStreamWriter<EventBatch> responseStream, ServerCallContext context)
    {
        _ = Interlocked.Increment(ref _callsAfterHello);
        SayVersion(context);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        WorkerInfo sleeping = new(new WorkerId(1), WorkerSpec.Command(["sleep", "600"]), workerPid, WorkerState.Waiting, null, now, null, false, 0, null, []);
        EventBatch batch = new();
        batch.Events.Add(WithFieldOfANewerRevision(new Event { Sequence = 1, Time = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now) }));
        batch.Events.Add(new SupervisorSnapshot(2, now, ImmutableArray.Create(sleeping)).ToWire());
        await responseStream.WriteAsync(batch, context.CancellationToken);
        if (request.Follow)
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
    }

    private SessionStatus CurrentStatus() => new() { Name = name, ServerPid = Environment.ProcessId, Workers = 1, WorkersAlive = 1 };

    private void SayVersion(ServerCallContext context) =>
        context.GetHttpContext().Response.Headers[CallHeaders.Protocol] = version.Header;

    /// <summary>
    /// <paramref name="message"/> with field 99 set, which this build's proto does not have: what a newer
    /// revision adds. On an Event it is also a kind this build does not know (its oneof is left unset).
    /// </summary>
    private static T WithFieldOfANewerRevision<T>(T message)
        where T : IMessage<T>, new()
    {
        using MemoryStream added = new();
        CodedOutputStream output = new(added);
        output.WriteTag(99, WireFormat.WireType.LengthDelimited);
        output.WriteString("from a newer revision");
        output.Flush();
        return new MessageParser<T>(() => new T()).ParseFrom([.. message.ToByteArray(), .. added.ToArray()]);
    }
}
