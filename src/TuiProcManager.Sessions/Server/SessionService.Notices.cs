using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Server;

/// <summary>The notices of <see cref="SessionService"/>: lines for people, said to every client.</summary>
public sealed partial class SessionService
{
    /// <summary>What the server says to people while it runs; none when null (a test's service).</summary>
    public SessionNotices? Notices { get; init; }

    /// <summary>
    /// Stops the supervisor and closes the session's events file, once: <see cref="End"/> waits for it, so
    /// that its reply can say whether the file is whole. Returns why it is not, or null. None when null.
    /// </summary>
    public Func<Task<string?>>? Finish { get; init; }

    /// <inheritdoc />
    public override async Task WatchNotices(WatchNoticesRequest request, IServerStreamWriter<Notice> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        if (Notices is null)
        {
            return;
        }

        // Notices are few (a failing file says so once): unbounded, every one goes out in order.
        Channel<SessionNotice> said = Channel.CreateUnbounded<SessionNotice>(new UnboundedChannelOptions { SingleReader = true });
        using IDisposable subscription = Notices.Said.Subscribe(
            n => said.Writer.TryWrite(n),
            e => said.Writer.TryComplete(e),
            () => said.Writer.TryComplete());
        try
        {
            await foreach (SessionNotice notice in said.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                Notice message = new() { Text = notice.Text, At = Timestamp.FromDateTimeOffset(notice.At), WatchersChanged = notice.Watchers is not null };
                message.Watchers.Add(notice.Watchers?.Select(ToWire) ?? []);
                await responseStream.WriteAsync(message, context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }
}
