using System.Runtime.InteropServices;
using Terminal.Gui.Drivers;

namespace TuiProcManager.Tui.Hosting;

// Design: docs/decisions/0003-quiet-terminal-driver.md
/// <summary>
/// Terminal.Gui's ANSI input, but waiting for the terminal instead of polling it.
/// </summary>
/// <remarks>
/// <para>
/// Terminal.Gui 2.5.0's input thread asks "is there input?" with a zero-timeout poll and, when there is
/// none, sleeps with Task.Delay(20): 50 wake-ups a second, each involving the timer thread and a pool
/// thread, for as long as the app runs. Here <see cref="Peek"/> blocks in poll(2) on stdin and on a pipe
/// of its own, so a key is seen the moment it arrives and an idle app's input thread sleeps. Every wait
/// that ended without a key cost Terminal.Gui's Task.Delay(20) after it (the timer thread and pool threads
/// spinning: with a 250 ms wait, about 0.2% of a core idle, measured per thread): now there is none while
/// nothing happens. Shutdown stays prompt: <see cref="StopWaiting"/>, called before the application is
/// disposed, ends the wait through the pipe (the input loop checks for cancellation between waits); the
/// wait's bound, <see cref="WaitMilliseconds"/>, is only a safety net.
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
    /// <summary>The longest wait for a key: a safety net only, since <see cref="StopWaiting"/> ends a wait at once.</summary>
    private const int WaitMilliseconds = 5_000;

    /// <summary>The pause between two looks after the terminal has gone (it answers POLLHUP at once, forever).</summary>
    private const int LostMilliseconds = 250;

    private const short PollIn = 0x001, PollErr = 0x008, PollHup = 0x010, PollNval = 0x020;
    private const int CloseOnExec = 0x80000, NonBlocking = 0x800;
    private int _lost;
    private int _stopping;
    private Pipe _wake = new() { Read = -1, Write = -1 };
    private int _wakeCreated;

    /// <summary>Raised once, on the input thread, when the terminal has gone away.</summary>
    public event EventHandler? TerminalLost;

    /// <summary>
    /// Ends the wait for a key now and makes every later wait return at once (any thread): call it before the
    /// application is disposed, whose shutdown cancels the input loop and then waits for it.
    /// </summary>
    public void StopWaiting()
    {
        Volatile.Write(ref _stopping, 1);
        if (Volatile.Read(ref _wakeCreated) != 0 && _wake.Write >= 0)
        {
            byte one = 1;
            _ = WriteByte(_wake.Write, ref one, 1);
        }
    }

    public override bool Peek()
    {
        if (!IsAttachedToTerminal)
        {
            return base.Peek(); // headless (tests): Terminal.Gui's own injected input
        }

        if (Volatile.Read(ref _lost) != 0)
        {
            Thread.Sleep(LostMilliseconds);
            return false;
        }

        if (Interlocked.Exchange(ref _wakeCreated, 1) == 0 && CreatePipe(ref _wake, CloseOnExec | NonBlocking) != 0)
        {
            _wake = new Pipe { Read = -1, Write = -1 }; // no pipe: waits end by their bound instead
        }

        Fds fds = new()
        {
            Stdin = new PollFd { Fd = 0, Events = PollIn },
            Wake = new PollFd { Fd = _wake.Read, Events = PollIn }, // a negative fd is ignored by poll
        };
        int ready = Poll(ref fds.Stdin, 2, Volatile.Read(ref _stopping) != 0 ? 0 : WaitMilliseconds);
        if (ready > 0 && (fds.Stdin.Revents & (PollHup | PollErr | PollNval)) != 0)
        {
            if (Interlocked.Exchange(ref _lost, 1) == 0)
            {
                TerminalLost?.Invoke(this, EventArgs.Empty);
            }

            return false;
        }

        if (ready <= 0 || (fds.Stdin.Revents & PollIn) == 0 || !base.Peek())
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

    /// <summary>Two pollfd entries, contiguous: poll(2) is given the address of the first.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Fds
    {
        public PollFd Stdin;
        public PollFd Wake;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Pipe
    {
        public int Read;
        public int Write;
    }

    [LibraryImport("libc", EntryPoint = "poll")]
    private static partial int Poll(ref PollFd fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "pipe2")]
    private static partial int CreatePipe(ref Pipe fds, int flags);

    [LibraryImport("libc", EntryPoint = "write")]
    private static partial nint WriteByte(int fd, ref byte b, nuint count);
}
