using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Hosting;

/// <summary>
/// Puts the terminal back as it was before the UI took it, from any thread, without the UI: for an exit
/// the UI thread could not make itself (it is blocked, or busy for longer than the signal watchdog waits).
/// </summary>
/// <remarks>
/// <para>
/// Normally Terminal.Gui restores the terminal when the application is disposed, on the UI thread. This
/// is the fallback: the terminal settings saved by <see cref="Capture"/> before the UI starts (tcsetattr),
/// and the escape sequences that leave the UI's modes (mouse tracking, bracketed paste, hidden cursor,
/// the alternate screen), written straight to fd 1 with write(2): not through Console.Out, whose lock
/// the stuck UI thread may hold.
/// </para>
/// <para>
/// A terminal that does not read (a frozen SSH connection) can block that write for ever; so
/// <see cref="Restore"/> writes on a thread of its own and waits for it at most the time it is given.
/// </para>
/// </remarks>
public sealed class TerminalRescue
{
    /// <summary>Mouse modes off (1000, 1002, 1003, 1006, 1015), bracketed paste off, attributes reset, cursor shown, main screen back.</summary>
    private const string Sequences = "\u001b[?1003l\u001b[?1002l\u001b[?1000l\u001b[?1006l\u001b[?1015l\u001b[?2004l\u001b[0m\u001b[?25h\u001b[?1049l";

    /// <summary>stdin's struct termios, kept opaque, only given back.</summary>
    private readonly byte[] _termios = new byte[Libc.TermiosBufferSize];
    private bool _haveTermios;
    private int _released;

    private TerminalRescue()
    {
    }

    /// <summary>Saves stdin's terminal settings; call before the UI starts (it switches to raw mode).</summary>
    public static TerminalRescue Capture()
    {
        TerminalRescue rescue = new();
        try
        {
            rescue._haveTermios = SaveSettings(rescue._termios);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to ask: the escape sequences are still written.
        }

        return rescue;
    }

    /// <summary>The UI has restored the terminal itself: <see cref="Restore"/> does nothing from now on.</summary>
    public void Release() => Volatile.Write(ref _released, 1);

    /// <summary>
    /// Restores the terminal, unless the UI already did (<see cref="Release"/>); waits at most
    /// <paramref name="within"/> for the terminal to take the escape sequences. Any thread; once.
    /// </summary>
    /// <returns>False when the write did not finish within the bound (it goes on, on its own thread).</returns>
    public bool Restore(TimeSpan within)
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return true;
        }

        Thread writer = new(() =>
        {
            if (_haveTermios)
            {
                RestoreSettings(_termios);
            }

            WriteToStdout(System.Text.Encoding.ASCII.GetBytes(Sequences));
        })
        {
            IsBackground = true,
            Name = "tuiproc terminal rescue",
        };
        writer.Start();
        return writer.Join(within);
    }

    private static unsafe bool SaveSettings(byte[] termios)
    {
        fixed (byte* t = termios)
        {
            return Libc.TcGetAttr(0, t) == 0;
        }
    }

    private static unsafe void RestoreSettings(byte[] termios)
    {
        fixed (byte* t = termios)
        {
            _ = Libc.TcSetAttr(0, Libc.TCSANOW, t);
        }
    }

    private static unsafe void WriteToStdout(byte[] bytes)
    {
        fixed (byte* b = bytes)
        {
            _ = Libc.Write(1, b, bytes.Length);
        }
    }
}
