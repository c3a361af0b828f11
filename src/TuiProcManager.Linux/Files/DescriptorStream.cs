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
/// </remarks>
internal sealed class DescriptorStream(SafeFileHandle handle) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !handle.IsClosed;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

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
                    case Errno.EINTR:
                        continue;
                    case Errno.EAGAIN:
                        WaitUntilWritable();
                        continue;
                    case int errno:
                        throw new IOException(Libc.Describe(errno), errno);
                }
            }
        }
    }

    public override void Flush()
    {
        // Nothing is buffered here: every Write has reached the kernel when it returns.
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

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
