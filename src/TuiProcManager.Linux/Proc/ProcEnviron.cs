using System.Text;

namespace TuiProcManager.Linux.Proc;

/// <summary>Reads one variable from a process's initial environment, <c>/proc/PID/environ</c>.</summary>
/// <remarks>
/// The initial environment is what the process was exec'd with: a later setenv does not show, an exec
/// with a fresh environment does. A zombie's (and a kernel thread's) is empty.
/// </remarks>
internal static class ProcEnviron
{
    /// <summary>
    /// The text after <paramref name="prefix"/> in the first entry that starts with it (prefix
    /// <c>NAME=</c> gives NAME's value); null when there is none, or the process is gone or not ours to read.
    /// </summary>
    public static string? Find(int pid, ReadOnlySpan<byte> prefix)
    {
        byte[] environ;
        try
        {
            environ = File.ReadAllBytes($"/proc/{pid}/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        foreach (Range r in environ.AsSpan().Split((byte)0))
        {
            ReadOnlySpan<byte> entry = environ.AsSpan()[r];
            if (entry.StartsWith(prefix))
            {
                return Encoding.UTF8.GetString(entry[prefix.Length..]);
            }
        }

        return null;
    }
}
