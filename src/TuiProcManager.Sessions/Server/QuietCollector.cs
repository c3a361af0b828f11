using TuiProcManager.Linux.Hosting;

namespace TuiProcManager.Sessions.Server;

/// <summary>
/// Gives a session server's spare memory back while nobody is attached: one full, compacting collection that
/// returns free memory to the OS (<see cref="GCCollectionMode.Aggressive"/>), and the pages of the executable
/// it no longer touches (<see cref="ImagePages"/>), <see cref="Delay"/> after the last client left, and again
/// every <see cref="Recheck"/> once the server has allocated <see cref="Threshold"/> since, until one attaches.
/// </summary>
/// <remarks>
/// The GC sizes generation 0 from the cache size the machine reports (this VM's: 508 MiB), so a server
/// that then allocates a few KiB a second (a second's samples) keeps the garbage of its start (the
/// container, Kestrel) and of every attach (the history serialised) for hours, and that garbage grows by
/// what it allocates: an idle server with 10 workers grew by about 50 KiB a second, to 26 MiB of anonymous
/// memory in 5 minutes. The UI has the same remedy for a flood (AfterFloodCollector). Called from Kestrel's
/// threads; the collection runs on a timer thread. Two clients coming and going at once may leave the timer
/// set while one is attached: that collection costs only its pause.
/// </remarks>
/// <param name="time">The server's clock.</param>
/// <param name="collect">The collection (tests: a count).</param>
/// <param name="allocated">Bytes allocated so far (tests: a figure they set).</param>
internal sealed class QuietCollector(TimeProvider time, Action? collect = null, Func<long>? allocated = null)
{
    /// <summary>How long after the last client left the first collection runs.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);

    /// <summary>How often, while nobody is attached, what was allocated since the last collection is looked at.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);

    /// <summary>What a server may allocate while nobody is attached before it collects again (a collection costs a few ms).</summary>
    public const long Threshold = 4L << 20;

    private readonly Lock _gate = new();
    private readonly Func<long> _allocated = allocated ?? (() => GC.GetTotalAllocatedBytes());
    private readonly Action _collect = collect ?? Collect;
    private ITimer? _timer;
    private bool _left; // the last client left and nothing was collected since
    private long _allocatedAtCollection;

    /// <summary>The session's clients attached now changed to <paramref name="clients"/>.</summary>
    public void ClientsNow(int clients)
    {
        lock (_gate)
        {
            _timer ??= time.CreateTimer(_ => Tick(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _left = clients == 0;
            _ = clients == 0 ? _timer.Change(Delay, Recheck) : _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>On the timer's thread: the first tick after the last client left collects, a later one once enough was allocated.</summary>
    private void Tick()
    {
        lock (_gate)
        {
            if (!_left && _allocated() - _allocatedAtCollection < Threshold)
            {
                return;
            }

            _left = false;
        }

        _collect(); // outside the lock: a client attaching meanwhile is not held up by the pause
        long after = _allocated();
        lock (_gate)
        {
            _allocatedAtCollection = after;
        }
    }

    private static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _ = ImagePages.DropUnused();
    }
}
