using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Processes;

/// <summary>The read end of a child's stdout, stderr or results pipe (non-blocking), and its line assembly.</summary>
/// <remarks>Used by the I/O thread only (created on the spawning thread, before the I/O loop sees it).</remarks>
internal sealed class OutputPipe(int fd, OutputChannel channel, int maxLineBytes, long key)
{
    private readonly LineAssembler _lines = new(maxLineBytes, showCutAtOnce: channel != OutputChannel.Results);

    public int Fd { get; private set; } = fd;

    public OutputChannel Channel { get; } = channel;

    /// <summary>The pipe's key in the I/O loop's epoll set (never an fd, see <see cref="IoLoop"/>).</summary>
    public long Key { get; } = key;

    public bool IsOpen => Fd >= 0;

    /// <summary>
    /// Reads once, at most <paramref name="buffer"/>'s length, and appends the lines it completes. The caller
    /// delivers them before the next read, so that a hold asked for meanwhile stops the reading within one
    /// buffer.
    /// </summary>
    public unsafe ReadOutcome ReadOnce(Span<byte> buffer, List<string> lines)
    {
        while (true)
        {
            nint n;
            fixed (byte* p = buffer)
            {
                n = Libc.Read(Fd, p, buffer.Length);
            }

            if (n > 0)
            {
                _lines.Append(buffer[..(int)n], lines);

                // A short read emptied the pipe a moment ago; epoll says when there is more.
                return n == buffer.Length ? ReadOutcome.More : ReadOutcome.Drained;
            }

            if (n < 0 && Libc.LastErrno == Errno.EINTR)
            {
                continue;
            }

            // EAGAIN: drained for now. 0: end of file. Anything else: the pipe is unusable.
            return n < 0 && Libc.LastErrno == Errno.EAGAIN ? ReadOutcome.Drained : ReadOutcome.Closed;
        }
    }

    /// <summary>Closes the pipe, emitting a last unterminated line if there is one.</summary>
    public void Close(List<string> lines)
    {
        if (Fd < 0)
        {
            return;
        }

        _lines.Flush(lines);
        _ = Libc.Close(Fd);
        Fd = -1;
    }
}
