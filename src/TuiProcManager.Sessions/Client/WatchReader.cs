using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Grpc.Core;
using TuiProcManager.Core.Events;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Client;

/// <summary>
/// Reads one <c>Watch</c> stream and hands each message to the observer as a batch, on
/// <c>delivery</c> when given; the next message is not read before the observer has returned from the
/// last, so a slow observer slows the stream (and the server, for a lossless one) instead of filling memory here.
/// </summary>
/// <remarks>
/// OnCompleted when the server ends the stream (the session ended); OnError(<see cref="SessionException"/>)
/// when it went away or refused; nothing once the subscription is disposed or the connection closed.
/// </remarks>
internal static class WatchReader
{
    /// <summary>Bigger than any message the server writes (1 MiB of events).</summary>
    public const int MaxMessageBytes = 16 << 20;

    public static IDisposable Start(
        Session.SessionClient calls, WatchRequest request, IObserver<IList<SupervisorEvent>> observer, IScheduler? delivery, CancellationToken closing)
    {
        CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(closing);
        _ = Task.Run(() => ReadAsync(calls, request, observer, delivery, stop.Token), CancellationToken.None); // cancelled through stop, inside
        return Disposable.Create(() =>
        {
            stop.Cancel();
            stop.Dispose();
        });
    }

    private static async Task ReadAsync(
        Session.SessionClient calls, WatchRequest request, IObserver<IList<SupervisorEvent>> observer, IScheduler? delivery, CancellationToken stop)
    {
        try
        {
            using AsyncServerStreamingCall<EventBatch> call = calls.Watch(request, cancellationToken: stop);
            while (await call.ResponseStream.MoveNext(stop).ConfigureAwait(false))
            {
                EventBatch message = call.ResponseStream.Current;
                List<SupervisorEvent> batch = new(message.Events.Count);
                foreach (Event e in message.Events)
                {
                    if (e.ToCore() is { } known)
                    {
                        batch.Add(known); // a kind from a newer server is passed over
                    }
                }

                if (batch.Count > 0)
                {
                    await DeliverAsync(delivery, () => observer.OnNext(batch), stop).ConfigureAwait(false);
                }
            }

            await DeliverAsync(delivery, observer.OnCompleted, stop).ConfigureAwait(false);
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // Disposed, or the connection closed: the observer hears nothing more.
        }
        catch (RpcException e)
        {
            Exception fault = RpcFaults.Translate(e);
            await DeliverQuietly(delivery, () => observer.OnError(fault is SessionException ? fault : new SessionException(fault.Message, e)), stop).ConfigureAwait(false);
        }
        catch (ProtocolException e)
        {
            await DeliverQuietly(delivery, () => observer.OnError(new SessionException("the session sent an event this tuiproc cannot read: " + e.Message, e)), stop).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="action"/> on <paramref name="delivery"/> (here when null) and waits for it to return.</summary>
    private static Task DeliverAsync(IScheduler? delivery, Action action, CancellationToken stop)
    {
        if (delivery is null)
        {
            action();
            return Task.CompletedTask;
        }

        TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = delivery.Schedule(() =>
        {
            try
            {
                action();
                done.TrySetResult();
            }
            catch (Exception e)
            {
                done.TrySetException(e);
                throw;
            }
        });
        return done.Task.WaitAsync(stop); // the delivery thread may be gone (the UI has exited): the stop ends the wait
    }

    private static async Task DeliverQuietly(IScheduler? delivery, Action action, CancellationToken stop)
    {
        try
        {
            await DeliverAsync(delivery, action, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Disposed meanwhile.
        }
    }
}
