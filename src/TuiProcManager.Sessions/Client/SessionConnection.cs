using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Client;

/// <summary>
/// A client's connection to one session: the versions checked (<c>Hello</c>), the session's
/// <see cref="RemoteSupervisor"/> for the UI, and the raw calls for <c>tuiproc ctl</c>. Disposing it ends
/// every stream and call it opened; the session goes on.
/// </summary>
public sealed class SessionConnection : IAsyncDisposable, IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly CancellationTokenSource _closing = new();
    private readonly DirectCalls _direct;
    private RemoteLab? _lab;

    private SessionConnection(GrpcChannel channel, Session.SessionClient calls, DirectCalls direct, HelloReply hello)
    {
        _channel = channel;
        Calls = calls;
        _direct = direct;
        Hello = hello;
        Supervisor = new RemoteSupervisor(Calls, _closing.Token);
    }

    /// <summary>The server's answer to Hello: its versions and the session as it was then.</summary>
    public HelloReply Hello { get; }

    /// <summary>The session's name.</summary>
    public string Name => Hello.Session.Name;

    /// <summary>The session's supervisor, for the UI and for <c>ctl</c>'s commands.</summary>
    public RemoteSupervisor Supervisor { get; }

    /// <summary>The session's calls as they are on the wire.</summary>
    public Session.SessionClient Calls { get; }

    /// <summary>Connects over <paramref name="channel"/> (which it then owns) and says hello.</summary>
    /// <param name="channel">From <see cref="SessionChannel"/>.</param>
    /// <param name="client">Who connects, for the server's log: "tuiproc attach".</param>
    /// <param name="cancellationToken">Gives up.</param>
    /// <exception cref="SessionException">Not reached, or a server of another protocol version (one line).</exception>
    public static async Task<SessionConnection> OpenAsync(GrpcChannel channel, string client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        try
        {
            Session.SessionClient calls = SayingOurVersion(channel);
            DirectCalls direct = new(channel, calls);
            HelloReply hello = await direct.Hello(
                new HelloRequest { Major = ProtocolVersion.Major, Revision = ProtocolVersion.Revision, Client = $"{ProtocolVersion.Program} {client}" },
                cancellationToken).ConfigureAwait(false);
            if (ProtocolVersion.Mismatch(ProtocolVersion.Major, ProtocolVersion.Program, hello.Major, hello.Server) is { } mismatch)
            {
                throw new SessionException(mismatch);
            }

            return new SessionConnection(channel, calls, direct, hello);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            // A server of another major version knows no call of ours; its answer's header says which it is.
            channel.Dispose();
            PeerVersion? server = PeerVersion.Parse(e.Trailers.GetValue(CallHeaders.Protocol));
            throw new SessionException(
                (server is null ? null : ProtocolVersion.Mismatch(ProtocolVersion.Major, ProtocolVersion.Program, server.Major, server.Program))
                    ?? ProtocolVersion.UnknownServer,
                e);
        }
        catch (RpcException e)
        {
            channel.Dispose();
            throw RpcFaults.Translate(e) is SessionException known ? known : new SessionException(ConnectionProblem.Describe(e), e);
        }
        catch (SessionException)
        {
            channel.Dispose();
            throw;
        }
    }

    /// <summary>The session's calls, each with this build's <see cref="CallHeaders.Protocol"/> header.</summary>
    private static Session.SessionClient SayingOurVersion(GrpcChannel channel) => new(channel.Intercept(VersionHeader.AddTo));

    /// <summary>The session now.</summary>
    public Task<SessionStatus> StatusAsync() => RpcFaults.Call(async () => await Calls.StatusAsync(new StatusRequest(), cancellationToken: _closing.Token));

    /// <summary>Every worker as it is now (a Watch that ends after its snapshot).</summary>
    public async Task<Core.Events.SupervisorSnapshot> SnapshotAsync()
    {
        try
        {
            using AsyncServerStreamingCall<EventBatch> call = _direct.Watch(
                new WatchRequest { Start = WatchRequest.Types.Start.Snapshot, Follow = false }, _closing.Token);
            while (await call.ResponseStream.MoveNext(_closing.Token).ConfigureAwait(false))
            {
                foreach (Event e in call.ResponseStream.Current.Events)
                {
                    if (e.ToCore() is Core.Events.SupervisorSnapshot snapshot)
                    {
                        return snapshot;
                    }
                }
            }
        }
        catch (RpcException e)
        {
            throw RpcFaults.Translate(e);
        }

        throw new SessionException("the session ended before it said what it runs");
    }

    /// <summary>
    /// The session's lab, as its server decides it, once its first progress has come; null when the session
    /// has no lab. Disposed with the connection.
    /// </summary>
    /// <exception cref="SessionException">It cannot be reached (one line).</exception>
    public async Task<RemoteLab?> OpenLabAsync()
    {
        if (Hello.Lab is not { } info)
        {
            return null;
        }

        RemoteLab lab = await RemoteLab.OpenAsync(Calls, info, _closing.Token).ConfigureAwait(false);
        _lab = lab;
        return lab;
    }

    /// <summary>
    /// What the session's server says for people while it runs (its events file cannot be written; who
    /// watches: <see cref="Notice.WatchersChanged"/>): those said already, then each as it comes.
    /// </summary>
    public IObservable<Notice> Notices => NoticeStream.Of(Calls, _closing.Token);

    /// <summary>What this client may do in the session, as the server decided at Hello (the owner, from a server before revision 4).</summary>
    public Protocol.V1.PeerRole Role => Hello.Role;

    /// <summary>Shares the session (or takes it back): the grant list after it, or why nothing changed.</summary>
    /// <exception cref="ArgumentException">A user or group the server does not know, or the session's own user.</exception>
    /// <exception cref="SessionException">Refused (not the session's user), or it cannot be reached.</exception>
    public Task<ShareReply> ShareAsync(ShareRequest request) => RpcFaults.Call(async () =>
        await Calls.ShareAsync(request, cancellationToken: _closing.Token));

    /// <summary>
    /// Ends the session: its workers are terminated (SIGTERM, then SIGKILL after the grace), its events file
    /// is closed, then the server exits.
    /// </summary>
    /// <returns>How many workers were alive and asked to end, and why the events file is not whole (empty: it is, or there is none).</returns>
    public Task<EndReply> EndAsync(TimeSpan? grace = null) => RpcFaults.Call(async () =>
        await Calls.EndAsync(new EndRequest { Grace = grace is { } g ? Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(g) : null }, cancellationToken: _closing.Token));

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_closing.IsCancellationRequested)
        {
            _closing.Cancel();
            _lab?.Dispose();
            _channel.Dispose();
            _closing.Dispose();
        }
    }
}
