using System.Buffers.Text;
using System.Text;
using TuiProcManager.Core.Os;

namespace TuiProcManager.Linux.Proc;

/// <summary>Parses <c>/proc/[pid]/stat</c> (proc(5)).</summary>
internal static class ProcStatParser
{
    // Field numbers (1-based, as in proc(5)) counted from field 3, the one after "(comm)".
    private const int State = 3, Ppid = 4, Pgrp = 5, Session = 6, Utime = 14, Stime = 15, NumThreads = 20, StartTime = 22, Rss = 24;

    /// <summary>Parses one stat line. The command name may hold spaces and parentheses: it ends at the last ')'.</summary>
    public static bool TryParse(ReadOnlySpan<byte> stat, long ticksPerSecond, long pageSize, out ProcessStatus status)
    {
        status = default;
        int open = stat.IndexOf((byte)'(');
        int close = stat.LastIndexOf((byte)')');
        if (open <= 0 || close < open || close + 2 >= stat.Length
            || !Utf8Parser.TryParse(stat[..(open - 1)], out int pid, out _))
        {
            return false;
        }

        string name = Encoding.UTF8.GetString(stat[(open + 1)..close]);
        ReadOnlySpan<byte> rest = stat[(close + 2)..];
        OsProcessState state = OsProcessState.Unknown;
        long ppid = 0, pgrp = 0, session = 0, utime = 0, stime = 0, threads = 0, rss = 0;
        ulong start = 0;
        int field = State;
        while (!rest.IsEmpty && field <= Rss)
        {
            int space = rest.IndexOf((byte)' ');
            ReadOnlySpan<byte> token = space < 0 ? rest : rest[..space];
            switch (field)
            {
                case State: state = ToState(token.IsEmpty ? (byte)'?' : token[0]); break;
                case Ppid: ppid = Number(token); break;
                case Pgrp: pgrp = Number(token); break;
                case Session: session = Number(token); break;
                case Utime: utime = Number(token); break;
                case Stime: stime = Number(token); break;
                case NumThreads: threads = Number(token); break;
                case StartTime: start = (ulong)Number(token); break;
                case Rss: rss = Number(token); break;
                default: break;
            }

            rest = space < 0 ? [] : rest[(space + 1)..];
            field++;
        }

        if (field <= Rss)
        {
            return false; // truncated
        }

        TimeSpan cpu = TimeSpan.FromSeconds((double)(utime + stime) / ticksPerSecond);
        status = new ProcessStatus(pid, (int)ppid, (int)pgrp, state, cpu, rss * pageSize, (int)threads, start, name, (int)session);
        return true;
    }

    /// <summary>A numeric field; 0 if it is not a number (never seen, but a parse must not throw).</summary>
    internal static long Number(ReadOnlySpan<byte> token) => Utf8Parser.TryParse(token, out long value, out _) ? value : 0;

    /// <summary>The state letter of a stat line (also used for a thread's stat).</summary>
    public static OsProcessState ToState(byte letter) => letter switch
    {
        (byte)'R' => OsProcessState.Running,
        (byte)'S' or (byte)'I' => OsProcessState.Sleeping,
        (byte)'D' => OsProcessState.DiskSleep,
        (byte)'T' => OsProcessState.Stopped,
        (byte)'t' => OsProcessState.TracingStop,
        (byte)'Z' or (byte)'X' => OsProcessState.Zombie,
        _ => OsProcessState.Unknown,
    };

    /// <summary>The state letter alone, from a stat line.</summary>
    public static OsProcessState ParseState(ReadOnlySpan<byte> stat)
    {
        int close = stat.LastIndexOf((byte)')');
        return close >= 0 && close + 2 < stat.Length ? ToState(stat[close + 2]) : OsProcessState.Unknown;
    }
}
