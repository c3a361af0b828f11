using System.Reactive.Linq;
using Grpc.Core;
using TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Client;

/// <summary>
/// A session server's notices (<c>WatchNotices</c>): lines for people, those said already first. Ends with
/// the session, with the connection, or at once from a server older than revision 3 (which has none).
/// </summary>
internal static class NoticeStream
{
    /// <summary>Each notice, read on a pool thread; never fails (a server gone is said by the event stream).</summary>
    public static IObservable<Notice> Of(Session.SessionClient calls, CancellationToken closing) =>
        Observable.Create<Notice>(async (observer, unsubscribed) =>
        {
            using CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(closing, unsubscribed);
            try
            {
                using AsyncServerStreamingCall<Notice> call = calls.WatchNotices(new WatchNoticesRequest(), cancellationToken: stop.Token);
                while (await call.ResponseStream.MoveNext(stop.Token).ConfigureAwait(false))
                {
                    observer.OnNext(call.ResponseStream.Current);
                }
            }
            catch (Exception e) when (e is RpcException or OperationCanceledException or ObjectDisposedException)
            {
                // UNIMPLEMENTED (an older server), the session ended, its server went, or we closed.
            }

            observer.OnCompleted();
        });
}
