using System.Reactive.Linq;
using System.Reactive.Subjects;

namespace TuiProcManager.Sessions.Server;

/// <summary>
/// The lines a session server has for people while it runs (its events file cannot be written, a lab's
/// progress cannot be saved), for every client, those attached later too: the last <see cref="Kept"/>
/// said, then each as it comes (<c>WatchNotices</c>). Thread-safe: said from the writers' threads.
/// </summary>
public sealed class SessionNotices : IDisposable
{
    /// <summary>How many past notices a client that attaches is told.</summary>
    public const int Kept = 32;

    // ReplaySubject serialises OnNext under its own lock, and a subscriber gets what it keeps, then what
    // comes, with no gap and no double between the two.
    private readonly ReplaySubject<SessionNotice> _said = new(Kept);
    private readonly TimeProvider _time;

    /// <param name="time">Stamps each notice.</param>
    public SessionNotices(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>What was said (at most the last <see cref="Kept"/>), then each as it comes; completes when the session ends.</summary>
    public IObservable<SessionNotice> Said => _said.AsObservable();

    /// <summary>Says <paramref name="line"/> to every client, now and later.</summary>
    public void Say(string line) => Say(line, null);

    /// <summary>Says <paramref name="line"/>, on who watches, with the <paramref name="watchers"/> now.</summary>
    public void SayWatchers(string line, IReadOnlyList<Transport.WatcherEntry> watchers)
    {
        ArgumentNullException.ThrowIfNull(watchers);
        Say(line, watchers);
    }

    private void Say(string line, IReadOnlyList<Transport.WatcherEntry>? watchers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(line);
        try
        {
            _said.OnNext(new SessionNotice(line, _time.GetUtcNow(), watchers)); // after Complete: ignored
        }
        catch (ObjectDisposedException)
        {
            // Said by a writer's thread after the session's end: nobody is left to tell.
        }
    }

    /// <summary>Ends every client's stream (the session ends).</summary>
    public void Complete() => _said.OnCompleted();

    /// <inheritdoc />
    public void Dispose() => _said.Dispose();
}
