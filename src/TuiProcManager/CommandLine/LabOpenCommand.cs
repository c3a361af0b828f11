using System.CommandLine;
using TuiProcManager.Composition;
using TuiProcManager.Sessions;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Linux.Files;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.CommandLine;

/// <summary>
/// <c>tuiproc lab open LAB [UI options]</c>, the same as <c>tuiproc lab LAB [UI options]</c>: the full-screen
/// UI with the lab panel open, resuming the saved progress. <c>open</c> reaches a lab whatever it is called,
/// even a lab file named like a subcommand (<c>tuiproc lab open check</c>).
/// </summary>
internal static class LabOpenCommand
{
    public static Command Create(LabCommandContext context)
    {
        Argument<string> which = LabCommandContext.LabArgument();
        UiArguments ui = new(context.Resolver);
        SessionArguments session = new();
        Command open = new("open", "Open the lab in the full-screen UI, as tuiproc lab LAB does (workers given start at once).") { which };
        ui.AddTo(open);
        session.AddTo(open);
        open.SetAction(async (parsed, _) => await context.FindAsync(parsed.GetRequiredValue(which)).ConfigureAwait(false) is { } found
            ? await OpenAsync(context, parsed, ui, session, found, resetFirst: false).ConfigureAwait(false)
            : ExitCodes.Usage);
        return open;
    }

    /// <summary>
    /// Runs the UI with <paramref name="found"/> open, in a new session (<paramref name="session"/>) whose
    /// server decides the lab from every event of the session. With <paramref name="resetFirst"/> (the older
    /// <c>--reset</c>), its saved progress is forgotten first, but only when the UI can start: without a
    /// terminal the UI refuses, and nothing may be lost then.
    /// </summary>
    public static async Task<int> OpenAsync(LabCommandContext context, ParseResult parsed, UiArguments ui, SessionArguments session, FoundLab found, bool resetFirst)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(found);
        if (SessionLabs.SessionWith(found.SessionSource) is { } open)
        {
            await context.SayAsync($"lab {found.Lab.Id} is open in session {open} already: tuiproc attach {open} goes back to it").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        ProgressStore store = context.Store;
        bool terminal = !Console.IsInputRedirected && !Console.IsOutputRedirected;
        if (resetFirst && terminal && store.Reset(found.ProgressKey) is { } resetProblem)
        {
            await context.SayAsync(resetProblem).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        LabProgress? saved = store.Load(found.ProgressKey, out string? problem);
        LabOptions options = new() { Lab = found.Lab, Store = store, ProgressKey = found.ProgressKey, Saved = saved, Problem = problem, Files = OutputFileOpener.Instance };
        SessionStart start = new(session, new CommandLineServices(context.Resolver, context.Clock, context.Machine))
        {
            LabSource = found.SessionSource,
            SharedWith = found.Lab.SharedWith.IsEmpty || !await AgreesToShareAsync(context, found.Lab, terminal).ConfigureAwait(false) ? [] : found.Lab.SharedWith,
        };
        return await UiCommand.RunAsync(parsed, ui, context.Stderr, options, start).ConfigureAwait(false);
    }

    /// <summary>
    /// A lab that shares its sessions asks the student first, on the terminal, before anything starts: the
    /// permission is theirs to give. Anything but n (or no) shares; end of input shares nothing. Without a
    /// terminal (a detached start from a script) it is said on stderr, and shared.
    /// </summary>
    private static async Task<bool> AgreesToShareAsync(LabCommandContext context, Labs.Format.Lab lab, bool terminal)
    {
        string shares = $"lab {lab.Id} shares its session with {string.Join(", ", lab.SharedWith)}, read-only: they can watch your screen, and tuiproc share NAME --stop takes it back";
        if (!terminal)
        {
            // Started without a terminal to ask on (--detached from a script): said, and shared as the lab says.
            await context.Stderr.WriteLineAsync("tuiproc: " + shares).ConfigureAwait(false);
            return true;
        }

        await context.Stderr.WriteAsync(shares + ". Share it? [Y/n] ").ConfigureAwait(false);
        await context.Stderr.FlushAsync().ConfigureAwait(false);
        string? answer = Console.In.ReadLine()?.Trim();
        return answer is not null && !answer.Equals("n", StringComparison.OrdinalIgnoreCase) && !answer.Equals("no", StringComparison.OrdinalIgnoreCase);
    }
}
