using System.Reactive.Concurrency;
using System.Threading.Channels;
using Google.Protobuf;
using Grpc.Core;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Server;

/// <summary>The event stream of <see cref="SessionService"/>.</summary>
public sealed partial class SessionService
{
    /// <summary>Bytes of events per message at most (a client takes up to 16 MiB; one event is far less).</summary>
    private const int BatchBytes = 1 << 20;

    /// <summary>Events a lossless watcher may have waiting for the socket before its delivery thread waits.</summary>
    private const int LosslessWaiting = 4_096;

    /// <summary>How long an attaching screen waits for the history to catch up with its snapshot.</summary>
    private static readonly TimeSpan HistoryCatchUp = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public override async Task Watch(WatchRequest request, IServerStreamWriter<EventBatch> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        Transport.Caller? caller = CallerOf(context);
        bool spectator = caller?.Role == Transport.PeerRole.ReadOnly;
        // Another user's screen is said to the session's user (the header shows who watches) while it lasts.
        CancellationToken revoked = CancellationToken.None;
        using IDisposable? seen = request.Follow && caller is { Role: not Transport.PeerRole.Owner } ? Sharing.Watching(caller.Peer, caller.Role, out revoked) : null;
        if (request.Follow)
        {
            _clients.Attached(spectator);
        }

        // The delivery thread of this watcher alone: it blocks while the socket takes a batch (one in flight),
        // which holds up nothing but this watcher's own queue in the supervisor. The supervisor may still
        // schedule on it after this call has ended and disposed it (a screen's window timer already due on
        // its delivery threads, a lossless drain that reschedules itself): that work must be dropped, never
        // thrown, as an EventLoopScheduler would throw ObjectDisposedException on a pool thread and end the
        // server. ClockThreadScheduler drops work scheduled after its Dispose.
        using ClockThreadScheduler thread = new("tuiproc watch");
        try
        {
            // A snapshot alone (ctl ps, events without --follow) is one event, nothing to drop: it goes out at
            // once on the lossless path, not after a screen's pacing window (33 ms of every ctl ps).
            bool snapshotOnly = request is { Follow: false, Start: WatchRequest.Types.Start.Snapshot };
            Task watching = request.Delivery == WatchRequest.Types.Delivery.Lossless || snapshotOnly
                ? WatchLossless(request, responseStream, thread, context.CancellationToken)
                : WatchScreen(request, responseStream, thread, context.CancellationToken);
            using CancellationTokenSource endsWhen = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, revoked);
            await watching.WaitAsync(endsWhen.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (revoked.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"{Transport.UserNames.NameOf(Owner)} stopped sharing session {info.Name} with you"));
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away, in whatever way: its subscription is let go below, nothing else changes.
        }
        finally
        {
            if (request.Follow)
            {
                _clients.Detached(spectator);
            }
        }
    }

    /// <summary>A screen: the supervisor's paced batches, the oldest output dropped for a slow reader.</summary>
    private Task WatchScreen(WatchRequest request, IServerStreamWriter<EventBatch> stream, IScheduler thread, CancellationToken gone)
    {
        TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        bool first = true;
        // An attaching screen's first batch carries the history, which the client waits for to draw its first
        // frame: it goes at once, not after a window (the live part is paced as for any screen).
        ScreenPacing pacing = request.Start == WatchRequest.Types.Start.History ? ScreenPacing.Default with { FirstWindow = TimeSpan.Zero } : ScreenPacing.Default;
        IDisposable subscription = supervisor.ScreenBatches(pacing, thread).Subscribe(
            batch =>
            {
                try
                {
                    if (done.Task.IsCompleted)
                    {
                        return;
                    }

                    IEnumerable<SupervisorEvent> events = batch;
                    if (first)
                    {
                        first = false;
                        events = request.Start == WatchRequest.Types.Start.History ? WithHistory(batch) : batch;
                        if (!request.Follow)
                        {
                            events = request.Start == WatchRequest.Types.Start.History ? events.Where(e => e.Sequence <= batch[0].Sequence) : [batch[0]];
                        }
                    }

                    Write(events, stream, gone);
                    if (!request.Follow)
                    {
                        done.TrySetResult();
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException or RpcException)
                {
                    done.TrySetException(e); // the client is gone or the call is over
                }
            },
            e => done.TrySetException(e),
            () => done.TrySetResult());
        // A client that leaves while nothing happens is never written to, so no write fails to tell: its
        // going ends the subscription too (else it would stay in the supervisor's fan-out for good).
        CancellationTokenRegistration leaving = gone.Register(() => done.TrySetCanceled(gone));
        return done.Task.ContinueWith(t => { leaving.Dispose(); subscription.Dispose(); return t; }, TaskScheduler.Default).Unwrap();
    }

    /// <summary>The history up to the snapshot that opens <paramref name="batch"/>, then the rest of the batch.</summary>
    private IEnumerable<SupervisorEvent> WithHistory(IList<SupervisorEvent> batch)
    {
        long at = batch[0].Sequence;
        IReadOnlyList<SupervisorEvent> past = history.Until(at, HistoryCatchUp)
            ?? throw new RpcException(new Status(StatusCode.Unavailable, "the session's history is behind its events; attach again"));
        return past.Concat(batch.Skip(1));
    }

    /// <summary>A follower that must lose nothing: the supervisor's lossless stream, through a bounded channel.</summary>
    private async Task WatchLossless(WatchRequest request, IServerStreamWriter<EventBatch> stream, IScheduler thread, CancellationToken gone)
    {
        Channel<SupervisorEvent> waiting = Channel.CreateBounded<SupervisorEvent>(new BoundedChannelOptions(LosslessWaiting)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        string consumer = string.IsNullOrWhiteSpace(request.Consumer) ? "a session client" : request.Consumer;
        bool snapshotOnly = !request.Follow;
        using IDisposable subscription = supervisor.LosslessEvents(consumer, thread).Subscribe(
            e =>
            {
                try
                {
                    // Blocks this watcher's delivery thread while the channel is full: the supervisor then
                    // holds the workers this consumer waits on, as a shell pipeline would.
                    if (!waiting.Writer.WaitToWriteAsync(gone).AsTask().GetAwaiter().GetResult() || !waiting.Writer.TryWrite(e))
                    {
                        return;
                    }

                    if (snapshotOnly)
                    {
                        waiting.Writer.TryComplete();
                    }
                }
                catch (OperationCanceledException)
                {
                    waiting.Writer.TryComplete(); // the client is gone
                }
            },
            e => waiting.Writer.TryComplete(e),
            () => waiting.Writer.TryComplete());
        List<SupervisorEvent> batch = new(LosslessWaiting);
        while (await waiting.Reader.WaitToReadAsync(gone).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < LosslessWaiting && waiting.Reader.TryRead(out SupervisorEvent? e))
            {
                batch.Add(e);
            }

            await WriteAsync(batch, stream, gone).ConfigureAwait(false);
        }
    }

    private static void Write(IEnumerable<SupervisorEvent> events, IServerStreamWriter<EventBatch> stream, CancellationToken gone) =>
        WriteAsync(events, stream, gone).GetAwaiter().GetResult();

    /// <summary>Writes the events in messages of at most <see cref="BatchBytes"/>, each awaited (HTTP/2's flow control is the backpressure).</summary>
    private static async Task WriteAsync(IEnumerable<SupervisorEvent> events, IServerStreamWriter<EventBatch> stream, CancellationToken gone)
    {
        EventBatch message = new();
        int bytes = 0;
        foreach (SupervisorEvent e in events)
        {
            Event wire = e.ToWire();
            int size = wire.CalculateSize();
            if (bytes + size > BatchBytes && message.Events.Count > 0)
            {
                await stream.WriteAsync(message, gone).ConfigureAwait(false);
                message = new EventBatch();
                bytes = 0;
            }

            message.Events.Add(wire);
            bytes += size;
        }

        if (message.Events.Count > 0)
        {
            await stream.WriteAsync(message, gone).ConfigureAwait(false);
        }
    }
}
