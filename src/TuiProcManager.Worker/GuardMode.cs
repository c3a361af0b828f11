using System.Buffers.Text;
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
/// <c>TUIPROC_GUARD_&lt;TOKEN&gt;=&lt;launch&gt;</c>, which every descendant inherits, including ones that
/// left the process group or the session. The guard holds the read end of a pipe whose only write end is
/// in the supervisor (close-on-exec, so no worker inherits it). When the supervisor ends, however it ends,
/// the kernel closes that end, the guard's read returns end-of-file, and the guard ends everything that is
/// ours (<see cref="GuardSweep"/>): it stops every process carrying the mark, walks down from them to
/// every descendant, marked or not (one that cleared its environment is still their child while they are
/// stopped), and kills them all; it repeats until a round finds nothing (a stopped or killed process
/// cannot fork again, so this converges).
/// </para>
/// <para>
/// What the supervisor says on the pipe meanwhile: one line per unmarked stray re-parented to it (it is
/// a child subreaper), <c>PID START\n</c> with the start time of /proc/PID/stat. Such a stray cleared its
/// environment and has no living marked ancestor: when the supervisor dies it goes to init, and only the
/// PID and start time the supervisor reported still name it. The guard keeps the latest line per PID.
/// A supervisor that shuts down cleanly writes <c>bye</c> last: then the guard does not wait for its end
/// (see <see cref="Run"/>) before its sweep, which finds nothing.
/// </para>
/// <para>
/// Limits: a process that cleared its environment, whose marked ancestors had all died, and that the
/// supervisor had not yet reported (it reports at its next resource sample, once a second, or sweep) is not found; nor is one
/// that belongs to another user. The guard runs in its own process group, so terminal signals (Ctrl+C,
/// SIGHUP) do not reach it.
/// </para>
/// </remarks>
internal static class GuardMode
{
    internal const string Flag = "--guard";
    internal const string EnvironmentPrefix = "TUIPROC_GUARD_";
    private const int MaxRounds = 100;
    private const int SupervisorExitWaitMs = 1000;

    /// <summary>The line a supervisor that shuts down cleanly writes before it closes the pipe.</summary>
    internal const string ClosingLine = "bye";
    private static readonly byte[] ClosingBytes = Encoding.ASCII.GetBytes(ClosingLine);
    private static readonly TimeSpan RoundBudget = TimeSpan.FromSeconds(2);
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    internal static unsafe int Run(ReadOnlySpan<string> args)
    {
        if (args.Length != 1 || args[0].Length is 0 or > 64 || args[0].AsSpan().ContainsAnyExcept(HexDigits))
        {
            NativeOutput.Write(2, "tuiproc-worker: --guard takes one lower-case hexadecimal token\n");
            return WorkerMain.UsageError;
        }

        byte[] marker = Encoding.ASCII.GetBytes(EnvironmentPrefix + args[0] + "=");
        int supervisor = OpenParentPidfd();
        Dictionary<int, ulong> reported = ReadReportsUntilEndOfInput(out bool closedOnPurpose);
        if (!closedOnPurpose && supervisor >= 0)
        {
            // The supervisor died. Its pipe closes before its threads have all exited, and each thread, as
            // it exits, hands its children to init; a worker's process group becomes orphaned then, and
            // the kernel sends SIGHUP and SIGCONT to an orphaned group with a stopped member. Were we to
            // stop a worker before that, the SIGHUP would kill it and its unmarked children would go to
            // init before we read them. So: first the supervisor's end (its pidfd is readable once every
            // thread has exited), bounded.
            Native.PollFd poll = new() { Fd = supervisor, Events = Native.POLLIN };
            _ = Native.Poll(&poll, 1, SupervisorExitWaitMs);
        }

        _ = supervisor >= 0 ? Native.Close(supervisor) : 0;
        for (int round = 0; round < MaxRounds; round++)
        {
            if (GuardSweep.Round(marker, reported, RoundBudget) == 0)
            {
                return 0;
            }

            Thread.Sleep(10);
        }

        return 1;
    }

    /// <summary>A pidfd for our parent, the supervisor (-1 if it cannot be had: then nothing waits for its end).</summary>
    private static int OpenParentPidfd()
    {
        int parent = Native.GetParentPid();
        int pidfd = Native.PidfdOpen(parent);
        if (pidfd >= 0 && Native.GetParentPid() != parent)
        {
            _ = Native.Close(pidfd); // it died meanwhile and the PID may be anybody's
            return -1;
        }

        return pidfd;
    }

    /// <summary>
    /// Reads stdin to its end: the supervisor's reports of unmarked strays, PID to start time;
    /// <paramref name="closedOnPurpose"/> when the last line was <see cref="ClosingLine"/>.
    /// </summary>
    private static unsafe Dictionary<int, ulong> ReadReportsUntilEndOfInput(out bool closedOnPurpose)
    {
        closedOnPurpose = false;
        Dictionary<int, ulong> reported = [];
        const int Size = 4096;
        byte* buffer = stackalloc byte[Size];
        List<byte> line = [];
        while (true)
        {
            nint n = Native.Read(0, buffer, Size);
            if (n == 0 || (n < 0 && Native.LastErrno != Native.EINTR))
            {
                return reported;
            }

            for (int i = 0; i < n; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    if (line.Count < 64)
                    {
                        line.Add(buffer[i]);
                    }

                    continue;
                }

                closedOnPurpose = line.SequenceEqual(ClosingBytes);
                if (TryParseReport([.. line], out int pid, out ulong start))
                {
                    reported[pid] = start;
                }

                line.Clear();
            }
        }
    }

    /// <summary>Parses <c>PID START</c>; anything else is ignored.</summary>
    internal static bool TryParseReport(ReadOnlySpan<byte> line, out int pid, out ulong start)
    {
        start = 0;
        int space = line.IndexOf((byte)' ');
        return Utf8Parser.TryParse(line, out pid, out int used) && used == space && pid > 0
            && Utf8Parser.TryParse(line[(space + 1)..], out start, out used) && used == line.Length - space - 1;
    }
}
