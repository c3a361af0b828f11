using Microsoft.Win32.SafeHandles;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Files;

/// <summary>
/// A write-only stream over a descriptor that writes with write(2) and nothing else: no seek, no pwrite, no
/// truncation, no change of the descriptor's flags.
/// </summary>
/// <remarks>
/// A FileStream over a seekable descriptor writes with pwrite at its own position and leaves the shared
/// file offset where it was: over a duplicate of a stdout the shell sent to a regular file, whatever
/// writes there next (the shell, our own console output) would overwrite what was written. write(2)
/// advances the offset the descriptors share, as every other writer of that file expects. The description
/// may be non-blocking (another process sharing it set O_NONBLOCK, which is not ours to clear): EAGAIN
/// waits in poll until the reader makes room. Writes block otherwise; that is the backpressure a slow
/// reader applies, and why callers write from a thread of their own.
/// <para>
/// Errors are reported, not hidden: a failed write throws an <see cref="IOException"/> whose
/// <see cref="Exception.HResult"/> is the errno, as .NET's FileStream does on Linux. That is why our own
/// stdout and stderr are written through it too: .NET's console stream pretends a write to a pipe whose
/// reader is gone (EPIPE) succeeded, so <c>tuiproc run | head -2</c> wrote on for ever. The runtime
/// ignores SIGPIPE, so EPIPE arrives as an error rather than ending the process.
/// </para>
/// </remarks>
/// <param name="handle">The descriptor, disposed with the stream (pass one that does not own it for fd 1 and 2).</param>
public sealed class DescriptorStream(SafeFileHandle handle) : Stream
{
    /// <summary>Whether <paramref name="error"/> is a write to a pipe or socket whose reader is gone (EPIPE).</summary>
    public static bool IsBrokenPipe(IOException error) => Errno(error) == Interop.Errno.EPIPE;

    /// <summary>The errno of a write error from this stream or a FileStream; 0 when it carries none.</summary>
    public static int Errno(IOException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.HResult is > 0 and < 4096 ? error.HResult : 0;
    }

    /// <summary>Writes to one of our own descriptors (1 for stdout, 2 for stderr), left open when the stream is disposed.</summary>
    public static DescriptorStream Borrowed(int fd) => new(new SafeFileHandle(fd, ownsHandle: false));

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => !handle.IsClosed;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        fixed (byte* start = buffer)
        {
            int done = 0;
            while (done < buffer.Length)
            {
                nint n = Libc.Write(handle, start + done, buffer.Length - done);
                if (n >= 0)
                {
                    done += (int)n;
                    continue;
                }

                switch (Libc.LastErrno)
                {
                    case Interop.Errno.EINTR:
                        continue;
                    case Interop.Errno.EAGAIN:
                        WaitUntilWritable();
                        continue;
                    case int errno:
                        throw new IOException(Libc.Describe(errno), errno);
                }
            }
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
        // Nothing is buffered here: every Write has reached the kernel when it returns.
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            handle.Dispose();
        }

        base.Dispose(disposing);
    }

    private unsafe void WaitUntilWritable()
    {
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            Libc.PollFd poll = new() { Fd = (int)handle.DangerousGetHandle(), Events = Libc.POLLOUT };
            _ = Libc.Poll(&poll, 1, -1); // EINTR or an error: the write that follows says which
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }
}
