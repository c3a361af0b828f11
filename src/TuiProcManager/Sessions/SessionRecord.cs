using Microsoft.Win32.SafeHandles;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Headless;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Linux.Files;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions;

/// <summary>
/// The session's events file (<c>tuiproc --events FILE</c>, <c>tuiproc lab N --events FILE</c>), written by
/// the session's server from the session's first event to its last, those that come while nobody is
/// attached included, with the lab's answers and hints: the tuiproc that started the session opened and
/// checked it (so a bad path is said before anything starts) and passed it on as the server's fd 4.
/// </summary>
/// <remarks>
/// A lossless consumer, as in <c>tuiproc run</c>: a reader behind holds the workers back rather than lose
/// a line. A write that fails is said once to every client (<see cref="SessionNotices"/>) and in the
/// session's log; the reply to <c>End</c> says whether the file is whole.
/// </remarks>
internal sealed class SessionRecord : IDisposable
{
    /// <summary>How long the file's reader (a FIFO, a slow disk) may take, once the workers have ended, to take the last events.</summary>
    public static readonly TimeSpan ReaderGrace = TimeSpan.FromSeconds(5);

    private readonly EventLogWriter _writer;
    private IDisposable? _subscription;

    private SessionRecord(EventLogWriter writer) => _writer = writer;

    /// <summary>How messages name the file.</summary>
    public string ShownAs => _writer.ShownAs;

    /// <summary>Takes over the file passed as <paramref name="fd"/>; the one line of why it cannot be, or null.</summary>
    /// <param name="fd">The descriptor the server was started with.</param>
    /// <param name="shownAs">How messages name the file ("the events file run.jsonl").</param>
    /// <param name="record">The record, not yet started.</param>
    public static string? TryOpen(int fd, string shownAs, out SessionRecord? record)
    {
        record = null;
        if (!InheritedDescriptor.TryAdopt(fd, out SafeFileHandle? handle, out string? problem))
        {
            return $"{shownAs}: {problem}";
        }

        // write(2) and nothing else, at the offset the descriptor shares (a file the user's shell opened).
        record = new SessionRecord(new EventLogWriter(new DescriptorStream(handle), shownAs));
        return null;
    }

    /// <summary>
    /// Writes every event of <paramref name="supervisor"/> from now on, and <paramref name="keeper"/>'s
    /// answers and hints; a failed write is said through <paramref name="notices"/>. Start it before anything
    /// can spawn a worker.
    /// </summary>
    public void Start(ISupervisor supervisor, SessionNotices notices, LabKeeper? keeper)
    {
        ArgumentNullException.ThrowIfNull(notices);
        _writer.Failed = notices.Say;
        if (keeper is not null)
        {
            keeper.Record += _writer.Write; // the flight recorder takes them too
        }

        _subscription = _writer.Attach(supervisor);
    }

    /// <summary>
    /// Once the supervisor's stream has completed (every event is on its way to the file): waits for the
    /// file to be closed, at most <see cref="ReaderGrace"/>. Why the file is not whole, or null.
    /// </summary>
    public async Task<string?> CloseAsync()
    {
        Task done = _writer.Completion;
        if (await Task.WhenAny(done, Task.Delay(ReaderGrace)).ConfigureAwait(false) != done)
        {
            return $"{ShownAs} is not being read: the events it did not take are lost";
        }

        return done.Exception is { } failed ? $"{ShownAs}: the session's events failed: {failed.GetBaseException().Message}" : _writer.Problem;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _subscription?.Dispose();
        _writer.Dispose();
    }
}
