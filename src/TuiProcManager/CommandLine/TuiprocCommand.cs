using System.CommandLine;

namespace TuiProcManager.CommandLine;

/// <summary>The <c>tuiproc</c> command line.</summary>
internal static class TuiprocCommand
{
    /// <summary>Parses and runs; bad input gets one line on stderr and exit code 2, never a stack trace.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // Worker output is printed from the delivery thread while the runner reports on its own: every
        // write goes through a lock (a StreamWriter used from two threads throws, or mixes lines).
        stdout = TextWriter.Synchronized(stdout);
        stderr = TextWriter.Synchronized(stderr);
        RootCommand root = new("tuiproc: start, watch, pause, join and kill worker processes from a terminal. Without a command it opens the full-screen UI, with the given workers started.")
        {
            RunCommand.Create(stdout, stderr),
        };
        UiCommand.AddTo(root, stderr);

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            string command = parsed.CommandResult.Command == root ? "tuiproc" : "tuiproc " + parsed.CommandResult.Command.Name;
            await stderr.WriteLineAsync($"tuiproc: {OneLine(parsed.Errors[0].Message)} (see '{command} --help')").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        InvocationConfiguration invocation = new()
        {
            Output = stdout,
            Error = stderr,
            ProcessTerminationTimeout = null, // signals are ours (TerminationSignals): workers are stopped first
        };
        return await parsed.InvokeAsync(invocation).ConfigureAwait(false);
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").TrimEnd('.', ' ');
}
