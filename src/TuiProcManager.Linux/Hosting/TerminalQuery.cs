using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Hosting;

/// <summary>
/// Asks the terminal on stdin/stdout a question and reads its answer (<see cref="ITerminalQuery"/>), before
/// the UI starts: echo and line editing are turned off for the wait (else the answer would be shown, and
/// held until a newline), then the terminal's settings are put back as they were.
/// </summary>
/// <remarks>
/// <para>
/// Only ICANON and ECHO are cleared (c_lflag of glibc's struct termios, at byte 12 on x86-64 and arm64);
/// signals (ISIG) stay on, so Ctrl+C during the wait still interrupts. The settings are restored in a
/// finally, whatever happens; a signal that ends the process during the wait leaves them to
/// <see cref="TerminalRescue"/>, which saved them before.
/// </para>
/// <para>
/// Each read takes what is there (poll, then read); the wait ends when the caller's test says the answer
/// is whole, at the deadline, at <see cref="MaxBytes"/>, or when stdin hangs up. What the terminal sends
/// after the deadline stays unread, for the UI's input.
/// </para>
/// </remarks>
public sealed class TerminalQuery : ITerminalQuery
{
    /// <summary>The most bytes read for one answer.</summary>
    public const int MaxBytes = 4096;

    private const int LocalFlagsOffset = 12;
    private const uint ICANON = 0x2;
    private const uint ECHO = 0x8;

    private readonly int _input;
    private readonly int _output;
    private readonly bool _checkTerminal;

    /// <summary>Asks on stdout, reads stdin; only when both are a terminal.</summary>
    public TerminalQuery()
        : this(0, 1, checkTerminal: true)
    {
    }

    /// <summary>Asks on <paramref name="output"/>, reads <paramref name="input"/> (tests: a pty's or a pipe's ends).</summary>
    internal TerminalQuery(int input, int output, bool checkTerminal)
    {
        _input = input;
        _output = output;
        _checkTerminal = checkTerminal;
    }

    /// <inheritdoc />
    public unsafe byte[]? Ask(byte[] question, Func<byte[], bool> answered, int timeoutMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answered);
        if (_checkTerminal && (Console.IsInputRedirected || Console.IsOutputRedirected))
        {
            return null;
        }

        byte[] saved = new byte[Libc.TermiosBufferSize];
        bool haveSettings;
        fixed (byte* s = saved)
        {
            haveSettings = Libc.TcGetAttr(_input, s) == 0;
        }

        if (_checkTerminal && !haveSettings)
        {
            return null;
        }

        try
        {
            if (haveSettings)
            {
                SetQuiet(saved);
            }

            fixed (byte* q = question)
            {
                if (Libc.Write(_output, q, question.Length) != question.Length)
                {
                    return [];
                }
            }

            return Collect(answered, timeoutMilliseconds);
        }
        finally
        {
            if (haveSettings)
            {
                fixed (byte* s = saved)
                {
                    _ = Libc.TcSetAttr(_input, Libc.TCSANOW, s);
                }
            }
        }
    }

    private unsafe byte[] Collect(Func<byte[], bool> answered, int timeoutMilliseconds)
    {
        List<byte> read = [];
        byte* buffer = stackalloc byte[512];
        long deadline = Environment.TickCount64 + timeoutMilliseconds;
        while (read.Count < MaxBytes)
        {
            int left = (int)Math.Max(0, deadline - Environment.TickCount64);
            Libc.PollFd fd = new() { Fd = _input, Events = Libc.POLLIN };
            int ready = Libc.Poll(&fd, 1, left);
            if (ready == 0 || (ready > 0 && (fd.Revents & Libc.POLLIN) == 0))
            {
                break; // the deadline, or a hang-up
            }

            if (ready < 0)
            {
                if (left == 0)
                {
                    break;
                }

                continue; // EINTR: a signal; the deadline still holds
            }

            nint count = Libc.Read(_input, buffer, Math.Min(512, MaxBytes - read.Count));
            if (count <= 0)
            {
                break;
            }

            read.AddRange(new ReadOnlySpan<byte>(buffer, (int)count));
            if (answered([.. read]))
            {
                break;
            }
        }

        return [.. read];
    }

    private unsafe void SetQuiet(byte[] saved)
    {
        byte[] quiet = (byte[])saved.Clone();
        fixed (byte* t = quiet)
        {
            uint* localFlags = (uint*)(t + LocalFlagsOffset);
            *localFlags &= ~(ICANON | ECHO);
            _ = Libc.TcSetAttr(_input, Libc.TCSANOW, t);
        }
    }
}
