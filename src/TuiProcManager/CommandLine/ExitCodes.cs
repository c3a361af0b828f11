namespace TuiProcManager.CommandLine;

/// <summary>Exit codes of <c>tuiproc</c>, following the shell's conventions.</summary>
internal static class ExitCodes
{
    /// <summary>Every worker exited with code 0.</summary>
    public const int Success = 0;

    /// <summary>A worker failed (non-zero exit, killed, failed to start), or the app could not run.</summary>
    public const int Failure = 1;

    /// <summary>Bad command-line input: nothing was started.</summary>
    public const int Usage = 2;

    /// <summary>
    /// The workers ran, but something the user consumes is incomplete: an output or the events or results file
    /// could not be written (a full disk, an I/O error), and the loss was said on stderr. Takes the place of
    /// 0 and 1; a timeout, a signal or a closed reader take precedence.
    /// </summary>
    public const int Incomplete = 3;

    /// <summary>
    /// <c>attach</c>, <c>ctl</c>, <c>events</c>: there is no such session (or its server is gone). The same
    /// number as <see cref="Incomplete"/>, which only <c>run</c> and the UI's events file give.
    /// </summary>
    public const int NoSession = 3;

    /// <summary>The reader of our stdout (or stderr) closed it: the workers were stopped, as a filter ends on SIGPIPE (128 + 13).</summary>
    public const int ReaderGone = 141;

    /// <summary>--timeout expired; the workers still running were terminated (as timeout(1) does).</summary>
    public const int Timeout = 124;

    /// <summary>Ended by a signal: 128 + its number (130 for Ctrl+C, 143 for SIGTERM, 129 for SIGHUP).</summary>
    public static int Signaled(int signal) => 128 + signal;
}
