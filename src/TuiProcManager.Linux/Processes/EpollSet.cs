using System.Runtime.InteropServices;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Processes;

/// <summary>
/// The I/O loop's epoll set and the eventfd that wakes its thread: file descriptors go in with a key, ready
/// keys come out.
/// </summary>
/// <remarks>
/// Keys, never fds, identify what is ready, so a closed and reused fd number can never be mistaken for
/// another (see <see cref="IoLoop"/>). <see cref="Add"/>, <see cref="Remove"/> and <see cref="Wake"/> may be
/// called from any thread (epoll_ctl and an eventfd write are safe to call concurrently with epoll_wait);
/// <see cref="Wait"/> from the loop's thread only; <see cref="Dispose"/> once that thread is gone.
/// </remarks>
internal sealed unsafe class EpollSet : IDisposable
{
    /// <summary>The key of the wake-up eventfd; never given out by <see cref="Wait"/>.</summary>
    public const long WakeKey = 0;

    private const int MaxEvents = 64;
    private readonly int _epoll;
    private readonly int _wakeFd;
    private readonly byte* _events = (byte*)NativeMemory.Alloc((nuint)(MaxEvents * Libc.EpollEventSize));

    public EpollSet()
    {
        _epoll = Libc.EpollCreate1(Libc.EPOLL_CLOEXEC);
        if (_epoll < 0)
        {
            throw new InvalidOperationException("epoll_create1 failed: " + Libc.Describe(Libc.LastErrno));
        }

        _wakeFd = Libc.EventFd(0, Libc.O_CLOEXEC | Libc.O_NONBLOCK);
        if (_wakeFd < 0 || !Add(_wakeFd, WakeKey))
        {
            throw new InvalidOperationException("eventfd failed: " + Libc.Describe(Libc.LastErrno));
        }
    }

    /// <summary>Watches <paramref name="fd"/> for reading, reported as <paramref name="key"/>; false when epoll_ctl refused (ENOMEM, the watch limit).</summary>
    public bool Add(int fd, long key)
    {
        byte* ev = stackalloc byte[16];
        *(uint*)ev = Libc.EPOLLIN;
        *(long*)(ev + Libc.EpollDataOffset) = key;
        return Libc.EpollCtl(_epoll, Libc.EPOLL_CTL_ADD, fd, ev) == 0;
    }

    /// <summary>Stops watching <paramref name="fd"/> (a no-op when it is not watched).</summary>
    public void Remove(int fd) => _ = Libc.EpollCtl(_epoll, Libc.EPOLL_CTL_DEL, fd, null);

    /// <summary>Any thread: makes the current or next <see cref="Wait"/> return.</summary>
    public void Wake()
    {
        ulong one = 1;
        _ = Libc.Write(_wakeFd, (byte*)&one, sizeof(ulong));
    }

    /// <summary>
    /// Waits at most <paramref name="timeoutMs"/> (-1: for ever) for something to be ready, or a
    /// <see cref="Wake"/>, and fills <paramref name="keys"/> with what is ready (the wake-up itself left out).
    /// </summary>
    /// <returns>How many keys were filled in (0 after a wake-up, a signal or the timeout).</returns>
    public int Wait(Span<long> keys, int timeoutMs)
    {
        int n = Libc.EpollWait(_epoll, _events, Math.Min(MaxEvents, keys.Length), timeoutMs);
        if (n < 0)
        {
            return Libc.LastErrno == Errno.EINTR ? 0 : throw new InvalidOperationException("epoll_wait failed: " + Libc.Describe(Libc.LastErrno));
        }

        int filled = 0;
        for (int i = 0; i < n; i++)
        {
            long key = *(long*)(_events + (i * Libc.EpollEventSize) + Libc.EpollDataOffset);
            if (key == WakeKey)
            {
                ulong ignored;
                _ = Libc.Read(_wakeFd, (byte*)&ignored, sizeof(ulong));
            }
            else
            {
                keys[filled++] = key;
            }
        }

        return filled;
    }

    public void Dispose()
    {
        _ = Libc.Close(_wakeFd);
        _ = Libc.Close(_epoll);
        NativeMemory.Free(_events);
    }
}
