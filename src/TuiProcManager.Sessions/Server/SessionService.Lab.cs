using System.Threading.Channels;
using Grpc.Core;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Labs;

namespace TuiProcManager.Sessions.Server;

/// <summary>The lab calls of <see cref="SessionService"/>: one <see cref="LabKeeper"/> for every client.</summary>
public sealed partial class SessionService
{
    /// <summary>The session's lab, or null when it has none.</summary>
    public SessionLab? Lab { get; init; }

    /// <inheritdoc />
    public override async Task WatchLab(WatchLabRequest request, IServerStreamWriter<LabUpdate> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        LabKeeper keeper = KeeperOrRefuse();

        // Each update is the whole progress: a client that reads slowly needs the latest one only.
        Channel<LabProgress> latest = Channel.CreateBounded<LabProgress>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        using IDisposable subscription = keeper.Progress.Subscribe(
            p => latest.Writer.TryWrite(p),
            e => latest.Writer.TryComplete(e),
            () => latest.Writer.TryComplete());
        try
        {
            await foreach (LabProgress progress in latest.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                await responseStream.WriteAsync(progress.ToWire(keeper.SaveProblem), context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    /// <inheritdoc />
    public override Task<LabReply> LabHint(LabHintRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        LabKeeper keeper = KeeperOrRefuse();
        return Task.FromResult(keeper.Hint(request.Step).ToWire(keeper.SaveProblem));
    }

    /// <inheritdoc />
    public override Task<LabReply> LabAnswer(LabAnswerRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        LabKeeper keeper = KeeperOrRefuse();
        return Task.FromResult(keeper.Answer(request.Step, request.Text).ToWire(keeper.SaveProblem));
    }

    private LabKeeper KeeperOrRefuse() => Lab?.Keeper ?? throw Refusals.Refused($"session {info.Name} has no lab");
}
