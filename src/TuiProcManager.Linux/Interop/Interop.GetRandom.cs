using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Interop;

internal static partial class Libc
{
    /// <summary>
    /// getrandom(2), flags 0: the kernel's random bytes. Up to 256 bytes are never cut short or interrupted once
    /// the pool is initialised. Used instead of RandomNumberGenerator, which on Linux loads OpenSSL (libssl.so.3
    /// and libcrypto.so.3) into a process that otherwise needs only libc: a lab server need not have OpenSSL 3.
    /// </summary>
    [LibraryImport(Name, EntryPoint = "getrandom", SetLastError = true)]
    internal static unsafe partial nint GetRandom(byte* buffer, nuint length, uint flags);
}
