using System.CommandLine;
using System.CommandLine.Parsing;
using TuiProcManager.Composition;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;
using TuiProcManager.Sessions;

namespace TuiProcManager.CommandLine;

/// <summary>The <c>tuiproc</c> command line.</summary>
internal static class TuiprocCommand
{
    /// <summary>Parses and runs; bad input gets one line on stderr and exit code 2, never a stack trace.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        CommandLineServices services = AppServices.CommandLine();

        // Not TextWriter.Synchronized: its lock, taken for every line, was 8% of all perf samples of a flood.
        // `run` writes from several threads through its LineSinks, which lock
        // once per line themselves; every other command writes from one thread at a time.
        RootCommand root = new("tuiproc: start, watch, pause, join and kill worker processes from a terminal. Without a command it opens the full-screen UI, with the given workers started.")
        {
            RunCommand.Create(stdout, stderr, services.Resolver, services.Machine),
            LabCommand.Create(LabCommandContext.ForUser(stdout, stderr, services)),
            AttachCommand.Create(stderr, services),
            LsCommand.Create(stdout, stderr, services.Clock),
            CtlCommand.Create(stdout, stderr, services.Resolver, services.Machine),
            ShareCommand.Create(stdout, stderr),
            Sessions.Replay.ReplayCommand.Create(stderr, services),
            Sessions.Class.ClassCommand.Create(stdout, stderr, services),
            EventsCommand.Create(stderr),
            SessionServerCommand.Create(stderr),
            BridgeCommand.Create(stderr),
            KeysCommand.Create(stdout, stderr),
        };
        UiCommand.AddTo(root, stderr, services);

        if (SizeProblem(args) is { } tooBig)
        {
            await stderr.WriteLineAsync("tuiproc: " + tooBig).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // No response files: an argument that starts with '@' is itself (share --with @GROUP, a --cmd of
        // `@x`), never a file's contents read in its place.
        ParseResult parsed = root.Parse(CtlCommand.Normalize(args), new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            string command = CommandPath(parsed.CommandResult);
            // A word the parser did not take says more than what it then missed ("Required command was not
            // provided" for `ctl NAME frobnicate`): it goes first.
            ParseError first = parsed.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal)) ?? parsed.Errors[0];
            await stderr.WriteLineAsync($"tuiproc: {OneLine(first.Message)} (see '{command} --help')").ConfigureAwait(false);
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

    /// <summary>
    /// An argument Linux would refuse to pass to a worker (or to tuiproc itself), named by the option it is
    /// the value of, or by its position; null when every one fits. Checked before parsing, so that no
    /// message quotes megabytes and nothing is started.
    /// </summary>
    private static string? SizeProblem(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            string name = i > 0 && args[i - 1] is ['-', '-', _, ..] option && !option.Contains('=', StringComparison.Ordinal)
                ? $"the value of {InputText.Shorten(option)}"
                : $"argument {i + 1}";
            if (!ArgumentLimits.TryCheckOne(args[i], name, out string? error))
            {
                return error;
            }
        }

        return ArgumentLimits.TryCheck(args, "tuiproc", out string? total) ? null : total;
    }

    /// <summary>How the user names <paramref name="command"/>: <c>tuiproc</c>, <c>tuiproc run</c>, <c>tuiproc lab check</c>.</summary>
    private static string CommandPath(CommandResult command) =>
        command.Parent is CommandResult parent ? CommandPath(parent) + " " + command.Command.Name : "tuiproc";

    /// <summary>A parse error as one line, at most <see cref="MaxErrorLength"/> characters (it may quote what was typed).</summary>
    private static string OneLine(string message)
    {
        string line = message.ReplaceLineEndings(" ").TrimEnd('.', ' ');
        return line.Length <= MaxErrorLength ? line : line[..(MaxErrorLength - 3)] + "...";
    }

    private const int MaxErrorLength = 300;
}
