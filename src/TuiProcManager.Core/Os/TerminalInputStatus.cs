namespace TuiProcManager.Core.Os;

/// <summary>How a wait for the terminal's input ended (<see cref="ITerminalInputWait.WaitForInput"/>).</summary>
public enum TerminalInputStatus
{
    /// <summary>No input: the wait ran out, was stopped, or was interrupted.</summary>
    None,

    /// <summary>stdin has input to read.</summary>
    Ready,

    /// <summary>The terminal has gone (hung up, or stdin is no longer valid): every later wait says so at once.</summary>
    HungUp,
}
