using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Hosting;

/// <summary>
/// Waits for the terminal's input in poll(2), on stdin and on a pipe of its own that <see cref="StopWaiting"/>
/// writes to (<see cref="ITerminalInputWait"/>).
/// </summary>
/// <remarks>
/// <para>
/// The pipe is made by the first wait, on the waiting thread, and never closed (one per run of the UI). Its
/// byte is never read, so once <see cref="StopWaiting"/> has written it every later poll returns at once;
/// and a wait that starts after the stop asks for no wait at all. Should the pipe not be made (out of
/// descriptors), a wait ends only by its bound.
/// </para>
/// <para>
/// Race: <see cref="StopWaiting"/> sets the stop before it looks for the pipe, and a wait makes the pipe
/// before it looks at the stop (both with full fences); so either the stop finds the pipe and wakes the
/// poll, or the wait sees the stop and does not sleep.
/// </para>
/// </remarks>
public sealed class TerminalInputWait : ITerminalInputWait
{
    private readonly int _input;
    private int _wakeRead = -1;
    private int _wakeWrite = -1;
    private int _wakeCreated;
    private int _stopping;

    /// <summary>Waits on stdin (fd 0).</summary>
    public TerminalInputWait()
        : this(0)
    {
    }

    /// <summary>Waits on <paramref name="input"/> instead of stdin (tests: a pipe's read end).</summary>
    internal TerminalInputWait(int input) => _input = input;

    /// <inheritdoc />
    public unsafe TerminalInputStatus WaitForInput(int timeoutMilliseconds)
    {
        if (Interlocked.Exchange(ref _wakeCreated, 1) == 0)
        {
            CreateWakePipe();
        }

        Libc.PollFd* fds = stackalloc Libc.PollFd[2];
        fds[0] = new Libc.PollFd { Fd = _input, Events = Libc.POLLIN };
        fds[1] = new Libc.PollFd { Fd = _wakeRead, Events = Libc.POLLIN }; // a negative fd is ignored by poll
        int ready = Libc.Poll(fds, 2, Volatile.Read(ref _stopping) != 0 ? 0 : timeoutMilliseconds);
        if (ready > 0 && (fds[0].Revents & (Libc.POLLHUP | Libc.POLLERR | Libc.POLLNVAL)) != 0)
        {
            return TerminalInputStatus.HungUp;
        }

        // ready < 0: EINTR (a signal) or a failure; the caller waits again.
        return ready > 0 && (fds[0].Revents & Libc.POLLIN) != 0 ? TerminalInputStatus.Ready : TerminalInputStatus.None;
    }

    /// <inheritdoc />
    public unsafe void StopWaiting()
    {
        _ = Interlocked.Exchange(ref _stopping, 1);
        int wake = Volatile.Read(ref _wakeWrite); // -1 until the first wait has made the pipe
        if (wake >= 0)
        {
            byte one = 1;
            _ = Libc.Write(wake, &one, 1);
        }
    }

    private unsafe void CreateWakePipe()
    {
        int* fds = stackalloc int[2];
        if (Libc.Pipe2(fds, Libc.O_CLOEXEC | Libc.O_NONBLOCK) == 0)
        {
            _wakeRead = fds[0];
            _ = Interlocked.Exchange(ref _wakeWrite, fds[1]);
        }
    }
}
