using System.Globalization;
using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Processes;

/// <summary>
/// Keeps file descriptors for tuiproc itself when workers would take the last of them.
/// </summary>
/// <remarks>
/// Each worker costs us about five descriptors (its pipes, its pidfd, its /proc stat file). Were workers
/// let take every one under ulimit -n, the runtime would fail at its next need of one: loading an
/// assembly, opening the console, writing the events file — a crash with a stack trace instead of one
/// refused spawn. So a spawn is refused while fewer than <see cref="Reserve"/> would be left.
/// <para>
/// The count is free: Linux hands out the lowest free descriptor, so a new one numbered N means the N
/// below it are all in use. The limit is read once (only this process could change it, and it does not;
/// the runtime already raised the soft limit to the hard one at start).
/// </para>
/// </remarks>
internal static class DescriptorHeadroom
{
    /// <summary>Descriptors kept for the runtime and the app, never given to workers.</summary>
    public const int Reserve = 64;

    private static readonly Lazy<long> Limit = new(ReadLimit);

    /// <summary>Throws, naming the limit, when <paramref name="newest"/> (just opened) eats into the reserve.</summary>
    /// <exception cref="LaunchException">Too few descriptors would be left.</exception>
    public static void Check(int newest)
    {
        long limit = Limit.Value;
        if (newest >= limit - Reserve)
        {
            throw new LaunchException(string.Create(
                CultureInfo.InvariantCulture,
                $"too many open files: {newest + 1:N0} of the {limit:N0} this process may open are in use, and {Reserve} are kept for tuiproc itself (see ulimit -n)"));
        }
    }

    private static long ReadLimit() =>
        Libc.GetRLimit(Libc.RLIMIT_NOFILE, out Libc.RLimit l) == 0 && l.Current < int.MaxValue ? (long)l.Current : int.MaxValue;
}
