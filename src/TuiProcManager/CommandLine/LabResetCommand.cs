using System.CommandLine;
using TuiProcManager.Core.Text;

namespace TuiProcManager.CommandLine;

/// <summary>
/// <c>tuiproc lab reset LAB</c>: forgets the student's saved progress of the lab, says so in one line, and
/// opens nothing (so it works without a terminal, in a script; <c>tuiproc lab LAB</c> then starts the lab
/// over). The older <c>tuiproc lab LAB --reset</c> still resets and opens the UI at once
/// (<see cref="LabOpenCommand.OpenAsync"/>).
/// </summary>
internal static class LabResetCommand
{
    public static Command Create(LabCommandContext context)
    {
        Argument<string> which = LabCommandContext.LabArgument();
        Command reset = new("reset", "Forget your saved progress of the lab, so that it starts over when next opened. Opens nothing.") { which };
        reset.SetAction(async (parsed, _) => await context.FindAsync(parsed.GetRequiredValue(which)).ConfigureAwait(false) is { } found
            ? await ResetAsync(context, found).ConfigureAwait(false)
            : ExitCodes.Usage);
        return reset;
    }

    /// <summary>Removes the lab's saved progress; exit code 1 when it is there and cannot be removed.</summary>
    public static async Task<int> ResetAsync(LabCommandContext context, FoundLab found)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(found);
        string? path = context.Store.PathOf(found.ProgressKey);
        bool saved = path is not null && File.Exists(path);
        if (context.Store.Reset(found.ProgressKey) is { } problem)
        {
            await context.SayAsync(problem).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        string lab = $"lab {found.Lab.Id} ({found.Lab.Name})";
        await context.Stdout.WriteLineAsync(TerminalText.Sanitize(saved
            ? $"{lab}: your saved progress is forgotten ({path} removed); it starts over when next opened"
            : $"{lab}: no saved progress to forget")).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
