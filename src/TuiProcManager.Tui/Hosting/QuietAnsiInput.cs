using Terminal.Gui.Drivers;
using TuiProcManager.Core.Os;

namespace TuiProcManager.Tui.Hosting;

// Design: docs/decisions/0003-quiet-terminal-driver.md
/// <summary>
/// Terminal.Gui's ANSI input, but waiting for the terminal instead of polling it.
/// </summary>
/// <remarks>
/// <para>
/// Terminal.Gui 2.5.0's input thread asks "is there input?" with a zero-timeout poll and, when there is
/// none, sleeps with Task.Delay(20): 50 wake-ups a second, each involving the timer thread and a pool
/// thread, for as long as the app runs. Here <see cref="Peek"/> sleeps in the OS's wait for the terminal
/// (<see cref="ITerminalInputWait"/>: poll(2) on stdin and on a pipe of its own), so a key is seen the
/// moment it arrives and an idle app's input thread sleeps. Every wait that ended without a key cost
/// Terminal.Gui's Task.Delay(20) after it (the timer thread and pool threads spinning: with a 250 ms wait,
/// about 0.2% of a core idle, measured per thread): now there is none while nothing happens. Shutdown
/// stays prompt: <see cref="StopWaiting"/>, called before the application is disposed, ends the wait (the
/// input loop checks for cancellation between waits); the wait's bound, <see cref="WaitMilliseconds"/>, is
/// only a safety net.
/// </para>
/// <para>
/// Keys typed while the terminal was asked about its colours, before the UI started, are handed in at
/// construction and read first, before any wait (<see cref="AnsiInput.InjectInput"/>'s queue).
/// </para>
/// <para>
/// Every key also tells the <see cref="LoopPacer"/> that the user is active, which wakes the main loop; and
/// once the read that found it is in Terminal.Gui's queue (the input loop asks <see cref="Peek"/> again right
/// after queuing what <c>Read</c> returned), that a key is there to take at once (<see cref="LoopPacer.KeyQueued"/>).
/// </para>
/// <para>
/// A terminal that hangs up (the SSH connection dropped, the tmux session killed) makes poll return at
/// once with POLLHUP forever. Terminal.Gui's loop would then read nothing and ask again without pause or
/// a cancellation check: a core spent, and a shutdown that never finishes. Here a hang-up is reported once
/// through <see cref="TerminalLost"/> and then treated as "no input".
/// </para>
/// </remarks>
internal sealed class QuietAnsiInput : AnsiInput
{
    /// <summary>The longest wait for a key: a safety net only, since <see cref="StopWaiting"/> ends a wait at once.</summary>
    private const int WaitMilliseconds = 5_000;

    /// <summary>The pause between two looks after the terminal has gone (it answers POLLHUP at once, forever).</summary>
    private const int LostMilliseconds = 250;

    private readonly LoopPacer _pacer;
    private readonly ITerminalInputWait _terminal;
    private int _lost;
    private bool _readBefore; // the last Peek said yes: Terminal.Gui has read and queued since (input thread only)
    private int _typedEarly;

    /// <param name="pacer">Woken by every key.</param>
    /// <param name="terminal">The OS's wait for the terminal's input.</param>
    /// <param name="typedEarly">Keys typed before the UI started (UTF-8), read first.</param>
    public QuietAnsiInput(LoopPacer pacer, ITerminalInputWait terminal, byte[]? typedEarly = null)
    {
        _pacer = pacer;
        _terminal = terminal;
        foreach (char c in System.Text.Encoding.UTF8.GetString(typedEarly ?? []))
        {
            InjectInput(c);
            _typedEarly = 1;
        }
    }

    /// <summary>Raised once, on the input thread, when the terminal has gone away.</summary>
    public event EventHandler? TerminalLost;

    /// <summary>
    /// Ends the wait for a key now and makes every later wait return at once (any thread): call it before the
    /// application is disposed, whose shutdown cancels the input loop and then waits for it.
    /// </summary>
    public void StopWaiting() => _terminal.StopWaiting();

    public override bool Peek()
    {
        if (!IsAttachedToTerminal)
        {
            return base.Peek(); // headless (tests): Terminal.Gui's own injected input
        }

        if (_readBefore)
        {
            _readBefore = false;
            _pacer.KeyQueued();
        }

        if (Interlocked.Exchange(ref _typedEarly, 0) != 0)
        {
            _pacer.UserActive();
            _readBefore = true;
            return true; // the early keys wait in Terminal.Gui's queue, read before the terminal
        }

        if (Volatile.Read(ref _lost) != 0)
        {
            Thread.Sleep(LostMilliseconds);
            return false;
        }

        switch (_terminal.WaitForInput(WaitMilliseconds))
        {
            case TerminalInputStatus.HungUp:
                if (Interlocked.Exchange(ref _lost, 1) == 0)
                {
                    TerminalLost?.Invoke(this, EventArgs.Empty);
                }

                return false;
            case TerminalInputStatus.Ready when base.Peek():
                _pacer.UserActive();
                _readBefore = true;
                return true;
            default:
                return false;
        }
    }
}
