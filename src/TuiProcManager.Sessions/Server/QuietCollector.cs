namespace TuiProcManager.Sessions.Server;

/// <summary>
/// Gives a session server's spare memory back once nobody is attached: one full, compacting collection that
/// returns free memory to the OS (<see cref="GCCollectionMode.Aggressive"/>), <see cref="Delay"/> after the
/// last client left, unless one attaches meanwhile.
/// </summary>
/// <remarks>
/// The GC sizes generation 0 from the cache size the machine reports (this VM's: 508 MiB), so a server
/// that then allocates a few KiB a second (a second's samples) keeps the garbage of its start (the
/// container, Kestrel) and of every attach (the history serialised) for hours. The UI has the same remedy
/// for a flood (AfterFloodCollector). Called from Kestrel's threads; the collection runs on a timer thread.
/// Two clients coming and going at once may leave the timer set while one is attached: that collection
/// costs only its pause.
/// </remarks>
/// <param name="time">The server's clock.</param>
/// <param name="collect">The collection (tests: a count).</param>
internal sealed class QuietCollector(TimeProvider time, Action? collect = null)
{
    /// <summary>How long after the last client left the collection runs.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);

    private readonly ITimer _timer = time.CreateTimer(_ => (collect ?? Collect)(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    /// <summary>The session's clients attached now changed to <paramref name="clients"/>.</summary>
    public void ClientsNow(int clients) =>
        _ = _timer.Change(clients == 0 ? Delay : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    private static void Collect() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
