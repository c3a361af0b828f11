using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Output;

/// <summary>
/// A write-only stream over a file descriptor we do not own (our stdout or stderr), whose write errors
/// are reported, not hidden.
/// </summary>
/// <remarks>
/// <para>
/// Why not <see cref="Console.OpenStandardOutput()"/>: .NET's console stream pretends a write succeeded
/// when it fails with EPIPE (its reader is gone), so <c>tuiproc run | head -2</c> wrote on for ever into
/// a pipe nobody reads. Here a failed write throws an <see cref="IOException"/> whose
/// <see cref="Exception.HResult"/> is the errno, as .NET's FileStream does on Linux
/// (<see cref="IsBrokenPipe"/>, <see cref="Errno"/>), and the caller decides: a closed reader ends
/// <c>run</c> as it ends a Unix filter, a full disk is said once.
/// </para>
/// <para>
/// Writes block until everything is written, as a write to a blocking descriptor does: on a descriptor
/// that someone else made non-blocking (a parent's terminal, a shared pipe), EAGAIN waits in poll() for
/// room. That blocking is the back-pressure a slow reader exerts; callers write from a thread of their
/// own. The runtime ignores SIGPIPE, so EPIPE arrives as an error rather than ending the process.
/// </para>
/// </remarks>
public sealed unsafe class DescriptorStream : Stream
{
    private readonly int _fd;

    /// <summary>Writes to <paramref name="fd"/>, which stays open when the stream is disposed.</summary>
    public DescriptorStream(int fd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fd);
        _fd = fd;
    }

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Whether <paramref name="error"/> is a write to a pipe or socket whose reader is gone (EPIPE).</summary>
    public static bool IsBrokenPipe(IOException error) => Errno(error) == Interop.Errno.EPIPE;

    /// <summary>The errno of a write error from this stream or a FileStream; 0 when it carries none.</summary>
    public static int Errno(IOException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.HResult is > 0 and < 4096 ? error.HResult : 0;
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            nint n;
            fixed (byte* p = buffer)
            {
                n = Libc.Write(_fd, p, buffer.Length);
            }

            if (n >= 0)
            {
                buffer = buffer[(int)n..];
                continue;
            }

            int errno = Libc.LastErrno;
            if (errno == Interop.Errno.EINTR)
            {
                continue;
            }

            if (errno != Interop.Errno.EAGAIN)
            {
                throw new IOException(Libc.Describe(errno), errno);
            }

            Libc.PollFd poll = new() { Fd = _fd, Events = Libc.POLLOUT };
            _ = Libc.Poll(&poll, 1, -1); // EINTR or an error: the next write says what it is
        }
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();
}
