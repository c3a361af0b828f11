namespace TuiProcManager.Core.Os;

/// <summary>
/// Asks the terminal the app runs in a question (an escape sequence) and collects its answer, before the
/// UI takes the terminal: the terminal is put in raw mode (no echo, no line editing) for the wait, and
/// given back its mode after.
/// </summary>
public interface ITerminalQuery
{
    /// <summary>
    /// Writes <paramref name="question"/> to stdout and collects what arrives on stdin until
    /// <paramref name="answered"/> says the answer is complete, or <paramref name="timeoutMilliseconds"/> pass.
    /// Never blocks longer than that (a terminal that answers nothing costs the timeout), and at most a few KiB
    /// are read. Bytes that arrive after it returns (a slow link's late answer) stay in stdin for whoever reads next.
    /// </summary>
    /// <param name="question">The bytes to send.</param>
    /// <param name="answered">Given everything read so far: whether it holds the whole answer.</param>
    /// <param name="timeoutMilliseconds">The longest wait for the answer.</param>
    /// <returns>Everything read (keys typed meanwhile too), or null when stdin or stdout is not a terminal.</returns>
    byte[]? Ask(byte[] question, Func<byte[], bool> answered, int timeoutMilliseconds);
}
