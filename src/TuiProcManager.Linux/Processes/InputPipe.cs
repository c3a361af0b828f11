using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Processes;

/// <summary>Our end of a child's stdin pipe: the write end, non-blocking and close-on-exec.</summary>
/// <remarks>
/// <para>
/// Thread-safe. <see cref="Write"/> may run on any thread while the I/O thread closes the pipe at the
/// child's exit or its owner disposes it. One lock orders them: a write never reaches an fd number that
/// was closed meanwhile and perhaps already reused for another file. Writes never block (O_NONBLOCK),
/// so holding the lock across one is cheap.
/// </para>
/// <para>
/// The runtime ignores SIGPIPE, so a write after the child closed its end (or ended) fails with EPIPE
/// instead of killing us; our end is closed then, since nothing can ever read the pipe again.
/// </para>
/// </remarks>
internal sealed unsafe class InputPipe(int fd)
{
    private readonly Lock _lock = new();
    private int _fd = fd;

    /// <summary>Writes what the pipe takes now.</summary>
    /// <returns>Bytes written, 0 when the pipe is full, -1 when it is closed (by us or, EPIPE, by the reader).</returns>
    public int Write(ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            if (_fd < 0)
            {
                return -1;
            }

            if (data.IsEmpty)
            {
                return 0;
            }

            nint n;
            fixed (byte* p = data)
            {
                do
                {
                    n = Libc.Write(_fd, p, data.Length);
                }
                while (n < 0 && Libc.LastErrno == Errno.EINTR);
            }

            if (n >= 0)
            {
                return (int)n;
            }

            if (Libc.LastErrno == Errno.EAGAIN)
            {
                return 0; // full: the child has not read yet
            }

            // EPIPE: every reader is gone. Anything else (EBADF, EIO) leaves the pipe unusable too.
            CloseLocked();
            return -1;
        }
    }

    /// <summary>Closes our end (the child reads end of file once it has read what is buffered). Idempotent.</summary>
    public void Close()
    {
        lock (_lock)
        {
            CloseLocked();
        }
    }

    private void CloseLocked()
    {
        if (_fd >= 0)
        {
            _ = Libc.Close(_fd);
            _fd = -1;
        }
    }
}
