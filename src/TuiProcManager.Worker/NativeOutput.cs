using System.Text;

namespace TuiProcManager.Worker;

/// <summary>Writes straight to a file descriptor, bypassing <see cref="Console"/>.</summary>
/// <remarks>
/// Console initialisation costs a measurable part of a NativeAOT start (about 0.3 ms of the 3 ms); the
/// worker only ever writes whole lines to fd 1 and 2, unbuffered, so that the supervisor sees each line as
/// soon as it is written.
/// </remarks>
internal static class NativeOutput
{
    internal static void Write(int fd, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        WriteAll(fd, bytes);
    }

    private static unsafe void WriteAll(int fd, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* start = bytes)
        {
            int done = 0;
            while (done < bytes.Length)
            {
                nint n = Native.Write(fd, start + done, bytes.Length - done);
                if (n < 0)
                {
                    if (Native.LastErrno == Native.EINTR)
                    {
                        continue;
                    }

                    // The reader is gone (EPIPE with SIGPIPE ignored) or the fd is closed: nothing to tell.
                    return;
                }

                done += (int)n;
            }
        }
    }
}
