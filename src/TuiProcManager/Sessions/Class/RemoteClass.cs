using Google.Protobuf;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Remote;
using TuiProcManager.Tui.Models;

namespace TuiProcManager.Sessions.Class;

/// <summary>
/// The sessions shared with this user on another host, for the class view: <c>ssh HOST tuiproc bridge
/// --class</c>, whose snapshots (one a second) replace the host's rows. A host that cannot be reached, whose
/// link drops, or that says nothing for <see cref="Silence"/> is one row saying so; the link is tried again
/// every <see cref="Retry"/>. Nothing here waits on the network on the caller's thread.
/// </summary>
internal sealed class RemoteClass : IDisposable
{
    /// <summary>How long a host may say nothing before its row says so (its snapshots come once a second).</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(5);

    /// <summary>How long after a failure the host is tried again.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(10);

    private readonly string _host;
    private readonly Func<string, string?> _environment;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Lock _gate = new();
    private IReadOnlyList<ClassRow> _rows;
    private DateTimeOffset _heardAt;
    private SshLink? _link;

    /// <summary>Starts following <paramref name="host"/>.</summary>
    public RemoteClass(string host, Func<string, string?> environment)
    {
        _host = host;
        _environment = environment;
        _rows = [ClassRow.HostProblem(host, $"connecting to {host}…")];
        _heardAt = DateTimeOffset.UtcNow;
        _running = Task.Run(RunAsync);
    }

    /// <summary>The host's rows now, as of <paramref name="now"/>.</summary>
    public IReadOnlyList<ClassRow> RowsAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            return now - _heardAt > Silence && _rows is not [{ Problem: not null }]
                ? [ClassRow.HostProblem(_host, $"{_host} has said nothing for {ClassTable.Span(now - _heardAt)} (the rows below it are from then)"), .. _rows]
                : _rows;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        lock (_gate)
        {
            _link?.Dispose();
        }

        _ = _running.Wait(TimeSpan.FromSeconds(3));
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            string problem = await FollowOnceAsync().ConfigureAwait(false);
            Set([ClassRow.HostProblem(_host, problem)]);
            try
            {
                await Task.Delay(Retry, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One link: snapshots until it ends; why it ended, in one line.</summary>
    private async Task<string> FollowOnceAsync()
    {
        SshLink link;
        try
        {
            link = SshLink.Start(SshCommand.FromEnvironment(_environment), _host, ["bridge", "--class"]);
        }
        catch (Exception e) when (e is SessionException or ArgumentException)
        {
            return e.Message;
        }

        lock (_gate)
        {
            _link = link;
        }

        try
        {
            // The reads block (protobuf reads a stream synchronously): on a thread of the pool, ended by the
            // link's end (Dispose closes ssh's stdout).
            return await Task.Run(() => Read(link)).ConfigureAwait(false) ?? await link.FailureAsync().ConfigureAwait(false) ?? $"the link to {_host} ended";
        }
        finally
        {
            lock (_gate)
            {
                _link = null;
            }

            link.Dispose();
        }
    }

    /// <summary>Reads the version, then snapshots; the problem that stopped it, or null when the link ended.</summary>
    private string? Read(SshLink link)
    {
        try
        {
            HelloReply bridge = HelloReply.Parser.ParseDelimitedFrom(link.Stream);
            if (ProtocolVersion.Mismatch(ProtocolVersion.Major, ProtocolVersion.Program, bridge.Major, bridge.Server) is { } mismatch)
            {
                return $"on {_host}: {mismatch}";
            }

            using StringWriter said = new();
            link.Connected(said);
            while (!_stop.IsCancellationRequested)
            {
                ClassSnapshot snapshot = ClassSnapshot.Parser.ParseDelimitedFrom(link.Stream);
                Set([.. snapshot.Sessions.Select(s => ClassRows.From(_host, s)), .. snapshot.Gone.Select(g => ClassRows.From(_host, g))]);
            }

            return null;
        }
        catch (InvalidProtocolBufferException)
        {
            link.OutputEnded();
            return null; // the end of the stream (a message cut short is the same: the link went)
        }
        catch (IOException)
        {
            link.OutputEnded();
            return null;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    private void Set(IReadOnlyList<ClassRow> rows)
    {
        lock (_gate)
        {
            _rows = rows;
            _heardAt = DateTimeOffset.UtcNow;
        }
    }
}
