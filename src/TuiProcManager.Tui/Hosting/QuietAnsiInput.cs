using System.Runtime.InteropServices;
using Terminal.Gui.Drivers;

namespace TuiProcManager.Tui.Hosting;

/// <summary>
/// Terminal.Gui's ANSI input, but waiting for the terminal instead of polling it.
/// </summary>
/// <remarks>
/// <para>
/// Terminal.Gui 2.5.0's input thread asks "is there input?" with a zero-timeout poll and, when there is
/// none, sleeps with Task.Delay(20): 50 wake-ups a second, each involving the timer thread and a pool
/// thread, for as long as the app runs. Here <see cref="Peek"/> blocks in poll(2) on stdin for up to
/// <see cref="WaitMilliseconds"/>, so an idle app's input thread wakes 4 times a second, and a key is
/// seen the moment it arrives. The bound keeps shutdown prompt: the input loop checks for cancellation
/// between waits.
/// </para>
/// <para>Every key also tells the <see cref="LoopPacer"/> that the user is active, which wakes the main loop.</para>
/// <para>
/// A terminal that hangs up (the SSH connection dropped, the tmux session killed) makes poll return at
/// once with POLLHUP forever. Terminal.Gui's loop would then read nothing and ask again without pause or
/// a cancellation check: a core spent, and a shutdown that never finishes. Here a hang-up is reported once
/// through <see cref="TerminalLost"/> and then treated as "no input".
/// </para>
/// </remarks>
internal sealed partial class QuietAnsiInput(LoopPacer pacer) : AnsiInput
{
    private const int WaitMilliseconds = 250;
    private const short PollIn = 0x001, PollErr = 0x008, PollHup = 0x010, PollNval = 0x020;
    private int _lost;

    /// <summary>Raised once, on the input thread, when the terminal has gone away.</summary>
    public event EventHandler? TerminalLost;

    public override bool Peek()
    {
        if (!IsAttachedToTerminal)
        {
            return base.Peek(); // headless (tests): Terminal.Gui's own injected input
        }

        if (Volatile.Read(ref _lost) != 0)
        {
            Thread.Sleep(WaitMilliseconds);
            return false;
        }

        PollFd stdin = new() { Fd = 0, Events = PollIn };
        int ready = Poll(ref stdin, 1, WaitMilliseconds);
        if (ready > 0 && (stdin.Revents & (PollHup | PollErr | PollNval)) != 0)
        {
            if (Interlocked.Exchange(ref _lost, 1) == 0)
            {
                TerminalLost?.Invoke(this, EventArgs.Empty);
            }

            return false;
        }

        if (ready <= 0 || !base.Peek())
        {
            return false;
        }

        pacer.UserActive();
        return true;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "poll")]
    private static partial int Poll(ref PollFd fds, nuint count, int timeoutMs);
}
