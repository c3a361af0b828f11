using TuiProcManager.Tui.Models;

namespace TuiProcManager.Sessions.Class;

/// <summary>
/// The class view's rows from every host asked for (this one when none): this host's asked once a second
/// here (<see cref="SharedWithMe"/>), another host's as its bridge sends them (<see cref="RemoteClass"/>).
/// A host's failure is its own row; the others go on.
/// </summary>
internal sealed class ClassFeed : IAsyncDisposable
{
    private readonly SharedWithMe? _local;
    private readonly List<RemoteClass> _remote = [];
    private readonly string? _lab;
    private IReadOnlyList<ClassRow> _localRows = [];

    /// <param name="hosts">The hosts, as typed; empty: this host alone. "localhost" is not this host: it goes through ssh, as typed.</param>
    /// <param name="lab">Only the sessions of this lab (its id), or null for all.</param>
    /// <param name="environment">Reads an environment variable.</param>
    public ClassFeed(IReadOnlyList<string> hosts, string? lab, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        _lab = lab;
        if (hosts.Count == 0)
        {
            _local = new SharedWithMe(environment);
        }

        foreach (string host in hosts)
        {
            _remote.Add(new RemoteClass(host, environment));
        }
    }

    /// <summary>The rows now: this host's asked anew, the other hosts' as last heard; only the lab's, when one was given.</summary>
    public async Task<IReadOnlyList<ClassRow>> RowsAsync(CancellationToken cancellationToken)
    {
        if (_local is not null)
        {
            try
            {
                _localRows = [.. (await _local.RefreshAsync(cancellationToken).ConfigureAwait(false)).Select(s => ClassRows.From("", s)), .. _local.Gone.Select(g => ClassRows.From("", g))];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _localRows = [ClassRow.HostProblem("", e.Message)];
            }
        }

        DateTimeOffset now = DateTimeOffset.UtcNow;
        return [.. _localRows.Concat(_remote.SelectMany(r => r.RowsAt(now))).Where(r => _lab is null || r.Problem is not null || r.Lab == _lab)];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (RemoteClass remote in _remote)
        {
            remote.Dispose();
        }

        if (_local is not null)
        {
            await _local.DisposeAsync().ConfigureAwait(false);
        }
    }
}
