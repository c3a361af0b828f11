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
/// </para>
/// <para>
/// Limits: a process that cleared its environment, whose marked ancestors had all died, and that the
/// supervisor had not yet reported (it reports at its next state poll or sweep) is not found; nor is one
/// that belongs to another user. The guard runs in its own process group, so terminal signals (Ctrl+C,
/// SIGHUP) do not reach it.
/// </para>
/// </remarks>
internal static class GuardMode
{
    internal const string Flag = "--guard";
    internal const string EnvironmentPrefix = "TUIPROC_GUARD_";
    private const int MaxRounds = 100;
    private static readonly TimeSpan RoundBudget = TimeSpan.FromSeconds(2);
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    internal static int Run(ReadOnlySpan<string> args)
    {
        if (args.Length != 1 || args[0].Length is 0 or > 64 || args[0].AsSpan().ContainsAnyExcept(HexDigits))
        {
            NativeOutput.Write(2, "tuiproc-worker: --guard takes one lower-case hexadecimal token\n");
            return WorkerMain.UsageError;
        }

        byte[] marker = Encoding.ASCII.GetBytes(EnvironmentPrefix + args[0] + "=");
        Dictionary<int, ulong> reported = ReadReportsUntilEndOfInput();
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

    /// <summary>Reads stdin to its end: the supervisor's reports of unmarked strays, PID to start time.</summary>
    private static unsafe Dictionary<int, ulong> ReadReportsUntilEndOfInput()
    {
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
