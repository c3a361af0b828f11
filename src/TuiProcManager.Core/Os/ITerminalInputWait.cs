namespace TuiProcManager.Core.Os;

/// <summary>
/// Sleeps until the terminal the app runs in has input (stdin), instead of asking again and again: what the
/// UI's input thread waits in. One per run of the UI.
/// </summary>
public interface ITerminalInputWait
{
    /// <summary>
    /// Blocks until stdin has input, the terminal hangs up, <paramref name="timeoutMilliseconds"/> pass, or
    /// <see cref="StopWaiting"/> is called. One thread at a time (the UI's input thread).
    /// </summary>
    /// <param name="timeoutMilliseconds">The longest wait; 0 does not wait.</param>
    TerminalInputStatus WaitForInput(int timeoutMilliseconds);

    /// <summary>Ends a wait in progress now, and makes every later wait return at once. Any thread.</summary>
    void StopWaiting();
}
