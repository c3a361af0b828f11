using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Interop;

/// <summary>
/// Native entry points, one concern per file (Interop.*.cs). Every import sets the last error; callers
/// turn errno into a decision in one commented place each (see <see cref="Errno"/>).
/// </summary>
internal static partial class Libc
{
    internal const string Name = "libc";

    /// <summary>errno of the last call made with SetLastError = true on this thread.</summary>
    internal static int LastErrno => Marshal.GetLastPInvokeError();

    /// <summary>strerror text for <paramref name="errno"/>, e.g. "No such file or directory".</summary>
    internal static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    /// <summary>Retries a call interrupted by a signal (EINTR); returns its result.</summary>
    internal static long RetryOnInterrupt(Func<long> call)
    {
        long rc;
        do
        {
            rc = call();
        }
        while (rc < 0 && LastErrno == Errno.EINTR);
        return rc;
    }
}
