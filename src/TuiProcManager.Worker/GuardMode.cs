using System.Text;

namespace TuiProcManager.Worker;

/// <summary>
/// The orphan guard: <c>tuiproc-worker --guard TOKEN</c>, started by the supervisor, never by a user.
/// </summary>
/// <remarks>
/// <para>
/// Why it exists: a worker must not outlive its supervisor even when the supervisor is SIGKILLed, and a
/// worker's own children (a Python script's multiprocessing children) must end too. The parent-death
/// signal (PR_SET_PDEATHSIG) covers neither: it reaches only the direct child, it fires when the
/// *thread* that forked exits (any thread-pool thread in .NET), and it cannot be set on a program we
/// exec without a helper in between.
/// </para>
/// <para>
/// How: the supervisor gives every process it starts the environment variable
/// <c>TUIPROC_GUARD_&lt;TOKEN&gt;=1</c>, which every descendant inherits, including ones that left the
/// process group or the session. The guard holds the read end of a pipe whose only write end is in the
/// supervisor (close-on-exec, so no worker inherits it). When the supervisor ends, however it ends, the
/// kernel closes that end, the guard's read returns end-of-file, and the guard SIGKILLs every process whose
/// initial environment carries the variable, repeating until a scan finds none (a process being killed
/// cannot fork again, so this converges).
/// </para>
/// <para>
/// Limits: a process that replaced its environment on exec, or that belongs to another user, is not
/// found. The guard runs in its own process group, so terminal signals (Ctrl+C, SIGHUP) do not reach it.
/// </para>
/// </remarks>
internal static class GuardMode
{
    internal const string Flag = "--guard";
    internal const string EnvironmentPrefix = "TUIPROC_GUARD_";
    private const int MaxRounds = 100;
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    internal static int Run(ReadOnlySpan<string> args)
    {
        if (args.Length != 1 || args[0].Length is 0 or > 64 || args[0].AsSpan().ContainsAnyExcept(HexDigits))
        {
            NativeOutput.Write(2, "tuiproc-worker: --guard takes one lower-case hexadecimal token\n");
            return WorkerMain.UsageError;
        }

        byte[] marker = Encoding.ASCII.GetBytes(EnvironmentPrefix + args[0] + "=");
        WaitForEndOfInput();
        for (int round = 0; round < MaxRounds; round++)
        {
            if (KillMarked(marker) == 0)
            {
                return 0;
            }

            Thread.Sleep(10);
        }

        return 1;
    }

    /// <summary>Kills every process (but this one) whose initial environment holds the marker.</summary>
    /// <returns>How many were signalled.</returns>
    /// <remarks>
    /// PID reuse: between reading /proc/PID/environ and a kill(PID), the process could end and its PID go
    /// to an unrelated process. So the pidfd is opened first: if the environment read after it still has
    /// the marker, the pidfd refers to that marked process (a PID cannot change hands while the process
    /// is alive, and a pidfd never follows the number), and the signal goes through the pidfd.
    /// </remarks>
    internal static int KillMarked(ReadOnlySpan<byte> marker)
    {
        int self = Environment.ProcessId;
        int killed = 0;
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir.AsSpan()), out int pid) || pid == self)
            {
                continue;
            }

            int pidfd = Native.PidfdOpen(pid);
            if (pidfd < 0)
            {
                continue; // gone, or out of fds (the next round tries again)
            }

            if (EnvironmentHas(pid, marker) && Native.PidfdSendSignal(pidfd, Native.SIGKILL) == 0)
            {
                killed++;
            }

            _ = Native.Close(pidfd);
        }

        return killed;
    }

    private static bool EnvironmentHas(int pid, ReadOnlySpan<byte> marker)
    {
        byte[] environ;
        try
        {
            environ = File.ReadAllBytes($"/proc/{pid}/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // gone, a kernel thread, or another user's: not ours either way
        }

        ReadOnlySpan<byte> rest = environ;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf((byte)0);
            ReadOnlySpan<byte> entry = end < 0 ? rest : rest[..end];
            if (entry.StartsWith(marker))
            {
                return true;
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return false;
    }

    private static unsafe void WaitForEndOfInput()
    {
        byte* buffer = stackalloc byte[256];
        while (true)
        {
            nint n = Native.Read(0, buffer, 256);
            if (n == 0 || (n < 0 && Native.LastErrno != Native.EINTR))
            {
                return;
            }
        }
    }
}
